package dev.weft.internal.runtime;

import java.time.Duration;

/**
 * A point in wall-clock time (of {@link System#nanoTime}) by which a phase of an exploration must
 * end: the exploration's time limit, or the earlier end of shrinking. Immutable.
 */
public final class Deadline {
  /** No deadline: only the watchdog's stall timeout bounds the execution. */
  public static final Deadline NONE = new Deadline(0L, false);

  private final long atNanos;
  private final boolean set;

  private Deadline(long atNanos, boolean set) {
    this.atNanos = atNanos;
    this.set = set;
  }

  /** {@code budget} from now. */
  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + saturatedNanos(budget), true);
  }

  /** Whether it has passed. */
  public boolean passed() {
    return set && System.nanoTime() - atNanos >= 0;
  }

  /** Time left (zero once passed); a long time without a deadline. */
  public Duration remaining() {
    if (!set) return Duration.ofDays(365);
    return Duration.ofNanos(Math.max(0L, atNanos - System.nanoTime()));
  }

  /** Whichever of the two comes first. */
  public Deadline earlier(Deadline other) {
    if (!set) return other;
    if (!other.set) return this;
    return atNanos - other.atNanos <= 0 ? this : other;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return Math.max(0L, d.toNanos());
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 4;
    }
  }
}
