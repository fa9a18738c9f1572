package dev.weft.internal.runtime;

import java.util.List;

/**
 * Virtual time of one execution: sleeps and clock reads advance it, and timed waits expire on it,
 * so nothing really sleeps and a timeout never races with real time. A timed wait whose deadline
 * the clock has passed may time out: the scheduler chooses when, since another thread can be
 * slow for as long as it likes ({@link #passed}); when no thread can run, the earliest deadline
 * comes ({@link #fireEarliestTimeout}). So the clock never shows a deadline passed while the wait
 * cannot yet have timed out, and a wait never times out before its deadline.
 */
final class VirtualClock {
  /**
   * What {@code System.nanoTime()} returns at the start of every execution: fixed, so that a
   * program that prints or compares it behaves the same in every execution and every replay.
   */
  static final long NANO_TIME_ORIGIN = 1_000_000_000_000L;
  /** What {@code System.currentTimeMillis()} returns at the start: 2026-01-01T00:00:00Z. */
  static final long EPOCH_MILLIS_ORIGIN = 1_767_225_600_000L;
  /**
   * How far each clock read moves the clock: a loop that waits for the clock to pass a mark ends
   * after mark / tick reads, and one millisecond keeps a loop "for 3 seconds" at 3000 steps.
   */
  static final long READ_TICK_NANOS = 1_000_000L;

  private long nanos;

  /** Virtual nanoseconds since the execution started. */
  long now() {
    return nanos;
  }

  /** The deadline of a wait of {@code relativeNanos} starting now. */
  long deadlineAfter(long relativeNanos) {
    return nanos + relativeNanos;
  }

  /** Whether the clock has reached {@code deadline} (-1: no deadline, never). */
  boolean passed(long deadline) {
    return deadline >= 0 && nanos >= deadline;
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
