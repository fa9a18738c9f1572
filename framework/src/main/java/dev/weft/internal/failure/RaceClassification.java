package dev.weft.internal.failure;

import java.util.Objects;

/**
 * What kind of data race: whether the two accesses overlapped (the later one began while the
 * earlier one was still running: Go's "concurrent map writes") or were merely unordered by
 * happens-before, which operations conflicted, and whether one of them grew the table (a resize
 * race).
 */
public record RaceClassification(boolean overlapping, Conflict conflict, Side resizedBy) {

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
  }
}
