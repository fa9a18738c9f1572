package dev.weft.internal.failure;

import java.util.Objects;

/**
 * What kind of data race: whether the two accesses overlapped (the later one began while the
 * earlier one was still running: Go's "concurrent map writes") or were merely unordered by
 * happens-before, which operations conflicted, and whether one of them grew the table (a resize
 * race).
 */
public record RaceClassification(boolean overlapping, Conflict conflict, Side resizedBy,
    Pattern pattern) {

  /**
   * What the program did around a field race, judged from how its two accesses came about; NONE
   * for collections and for plain unordered accesses.
   */
  public enum Pattern {
    NONE,
    /** Both sides read, then write back (as in {@code n++}): one update can be lost. */
    LOST_UPDATE,
    /** A reference read as unset, then set: two threads can both create it. */
    LAZY_INITIALIZATION,
    /** A read whose value decided a write at another line. */
    CHECK_THEN_ACT,
    /** A reference written and read without ordering: the reader may see a half-built object. */
    UNSAFE_PUBLICATION,
    /** A plain boolean written by one thread and read by another, typically in a loop. */
    STOP_FLAG
  }

  /** A race without a {@link Pattern}, as collection races are. */
  public RaceClassification(boolean overlapping, Conflict conflict, Side resizedBy) {
    this(overlapping, conflict, resizedBy, Pattern.NONE);
  }

  /** Which operations conflict. */
  public enum Conflict {
    WRITE_WRITE,
    /** A read (not an iteration step) against a write. */
    READ_WRITE,
    /** A step of an iteration against a write. */
    ITERATION_WRITE
  }

  /** One of the two accesses of a race, or neither. */
  public enum Side { NONE, FIRST, THEN }

  public RaceClassification {
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(resizedBy, "resizedBy");
    Objects.requireNonNull(pattern, "pattern");
  }
}
