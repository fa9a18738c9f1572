package dev.weft.internal.runtime;

import dev.weft.internal.failure.Awaited;

/**
 * Waits for {@code target} to finish ({@code Thread.join}), or for an interrupt or its timeout
 * ({@code reason} records which came first). Once the virtual clock has passed the deadline, the
 * scheduler may also choose it to time out ({@link VirtualClock}).
 */
record Join(ControlledThread target, long deadline, int site, WakeReason reason)
    implements Blocker {

  @Override
  public int stepObject() {
    return target.stepObject;
  }

  @Override
  public boolean isEnabled(ControlledThread waiter) {
    return target.finished || reason != WakeReason.NONE
        || Blocker.deadlinePassed(deadline, waiter);
  }

  /** Chosen before the target ended and without an interrupt: the clock passed the deadline. */
  @Override
  public WakeReason wake(ControlledThread waiter) {
    if (reason != WakeReason.NONE || target.finished) return reason;
    return WakeReason.TIMED_OUT;
  }

  @Override
  public Blocker interrupted(ControlledThread waiter) {
    return new Join(target, -1, site, WakeReason.INTERRUPTED);
  }

  @Override
  public Blocker timedOut(ControlledThread waiter) {
    return new Join(target, -1, site, WakeReason.TIMED_OUT);
  }

  @Override
  public boolean awaitsUnpark() {
    return false;
  }

  @Override
  public Awaiting awaiting(ControlledThread waiter, Execution execution) {
    return new Awaiting(new Awaited.Join(target.ref()));
  }
}
