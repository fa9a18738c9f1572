package dev.weft.internal.runtime;

import java.util.List;

/**
 * Virtual time of one execution: sleeps advance it, and timed waits expire on it, only when no
 * thread can run, so nothing really sleeps and a timeout never races with real time.
 */
final class VirtualClock {
  private long nanos;

  /** The deadline of a wait of {@code relativeNanos} starting now. */
  long deadlineAfter(long relativeNanos) {
    return nanos + relativeNanos;
  }

  /** A sleep of {@code relativeNanos} passed (negative counts as none). */
  void advance(long relativeNanos) {
    nanos += Math.max(0L, relativeNanos);
  }

  /**
   * Nobody can run: the earliest timed wait of {@code threads} expires (the first such thread on
   * a tie). Returns false when no thread waits with a deadline.
   */
  boolean fireEarliestTimeout(List<ControlledThread> threads) {
    ControlledThread earliest = null;
    for (ControlledThread t : threads) {
      if (t.blocker != null && t.blocker.deadline() >= 0
          && (earliest == null || t.blocker.deadline() < earliest.blocker.deadline())) {
        earliest = t;
      }
    }
    if (earliest == null) return false;
    nanos = Math.max(nanos, earliest.blocker.deadline());
    earliest.blocker = earliest.blocker.timedOut(earliest);
    return true;
  }
}
