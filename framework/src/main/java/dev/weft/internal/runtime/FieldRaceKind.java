package dev.weft.internal.runtime;

/** What a field race is, judged from how its two accesses came about. */
enum FieldRaceKind {
  /** Both sides read, then write back (as in {@code n++}): one update can be lost. */
  LOST_UPDATE,
  /** A reference read as unset, then set: two threads can both create it. */
  LAZY_INITIALIZATION,
  /** A read whose value decided a write at another line ({@code if (balance >= x) balance -= x}). */
  CHECK_THEN_ACT,
  /** A reference written and read without ordering: the reader may see a half-built object. */
  UNSAFE_PUBLICATION,
  /** A plain boolean written by one thread and read by another, typically in a loop. */
  STOP_FLAG,
  /** Two plain writes with nothing between them. */
  WRITE_WRITE,
  /** A plain write and a read with nothing between them. */
  READ_WRITE;

  /**
   * Classifies a race. {@code readModifyWrite}: a writing side read the location at the same line
   * just before, and the other side does the same ({@code n++} in both); {@code checkThenAct}: a
   * writing side read the location at another line before it wrote.
   */
  static FieldRaceKind of(FieldLocation location, boolean bothWrite, boolean readModifyWrite,
      boolean checkThenAct) {
    if (readModifyWrite) return LOST_UPDATE;
    if (checkThenAct) return location.holdsReference() ? LAZY_INITIALIZATION : CHECK_THEN_ACT;
    if (bothWrite) return WRITE_WRITE;
    if (location.holdsReference()) return UNSAFE_PUBLICATION;
    if (location.holdsBoolean()) return STOP_FLAG;
    return READ_WRITE;
  }
}
