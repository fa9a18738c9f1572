package dev.weft.scheduler;

/**
 * How a thread's next step touches the object it names in {@link NextSteps}. Two steps of
 * different threads are <em>dependent</em> (their order can matter) when they touch the same
 * object and at least one of them is not a {@link #READ}; see {@link NextSteps#dependent}.
 */
public enum StepKind {
  /** Touches nothing another thread can see (a yield, a sleep, the step after a thread start). */
  LOCAL,
  /** Reads the object: reads of one object by different threads commute. */
  READ,
  /** Writes the object. */
  WRITE,
  /**
   * Synchronizes on the object (takes or releases a monitor or lock, waits, notifies, parks or
   * unparks a thread, joins, an atomic read-modify-write): conflicts with every other step on it.
   */
  SYNC
}
