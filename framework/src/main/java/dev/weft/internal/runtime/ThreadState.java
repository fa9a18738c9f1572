package dev.weft.internal.runtime;

/** Where a controlled thread stands in the scheduler's model. */
enum ThreadState {
  /** May run when the scheduler picks it. */
  RUNNABLE,
  /** Waits for a condition of the model ({@link BlockKind}); enabled once it holds. */
  BLOCKED,
  /** Ran to its end (or, for T0, the body returned). */
  FINISHED
}
