package dev.weft.internal.runtime;

/** What a blocked thread waits for. */
enum BlockKind {
  NONE,
  /** To acquire (or, after {@code wait}, re-acquire) a monitor. */
  MONITOR,
  /** In an object's wait set, for a notify, an interrupt or its timeout. */
  WAIT,
  /** For another thread to finish. */
  JOIN,
  /** Parked, for an unpark, an interrupt or its timeout. */
  PARK
}
