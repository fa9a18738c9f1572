package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.List;
import java.util.Objects;

/**
 * The execution exceeded its step bound: threads kept running without it ending.
 *
 * @param maxSteps the bound
 * @param running the thread that took the step over the bound
 * @param stack its stack then, innermost first
 */
public record Livelock(int maxSteps, ThreadRef running, List<StackTraceElement> stack)
    implements FailureDetails {

  public Livelock {
    Objects.requireNonNull(running, "running");
    stack = List.copyOf(stack);
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.LIVELOCK;
  }
}
