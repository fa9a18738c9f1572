package dev.weft.internal.failure;

import java.util.Objects;

/**
 * What a thread was doing when it made an access, beyond its own stack: running the test body,
 * running since it was started somewhere, or running a task submitted somewhere.
 *
 * @param how which of them
 * @param at the application line that started the thread or submitted the task, or null
 */
public record ThreadOrigin(How how, StackTraceElement at) {

  /** Where a thread's work came from. */
  public enum How { TEST_BODY, STARTED, TASK_SUBMITTED, UNKNOWN }

  public ThreadOrigin {
    Objects.requireNonNull(how, "how");
  }

  public static final ThreadOrigin TEST_BODY_ORIGIN = new ThreadOrigin(How.TEST_BODY, null);
  public static final ThreadOrigin UNKNOWN_ORIGIN = new ThreadOrigin(How.UNKNOWN, null);
}
