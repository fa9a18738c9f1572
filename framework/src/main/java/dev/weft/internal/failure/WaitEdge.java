package dev.weft.internal.failure;

import java.util.List;
import java.util.Objects;

/**
 * One blocked thread of a deadlock: what it waits for, where, and who holds that.
 *
 * @param thread the blocked thread
 * @param awaited what it waits for
 * @param at the application line where it blocked, or null when unknown
 * @param holders the threads holding what it waits for (several for a read lock), with where
 *     they took it; empty when nobody holds it (a notify, an unpark, a join)
 * @param stack the thread's stack, innermost first, from the frame where it blocked
 * @param daemon whether the blocked thread is a daemon thread
 */
public record WaitEdge(ThreadRef thread, Awaited awaited, StackTraceElement at,
    List<Holder> holders, List<StackTraceElement> stack, boolean daemon) {

  /** A thread holding what another one waits for. */
  public record Holder(ThreadRef thread, StackTraceElement takenAt) {
    public Holder {
      Objects.requireNonNull(thread, "thread");
    }
  }

  public WaitEdge {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(awaited, "awaited");
    holders = List.copyOf(holders);
    stack = List.copyOf(stack);
  }
}
