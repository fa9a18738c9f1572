package dev.weft.internal.runtime;

import dev.weft.internal.failure.Awaited;

/**
 * Waits for {@code target} to finish ({@code Thread.join}), or for an interrupt or its timeout
 * ({@code reason} records which came first).
 */
record Join(ControlledThread target, long deadline, int site, WakeReason reason)
    implements Blocker {

  @Override
  public int stepObject() {
    return target.stepObject;
  }

  @Override
  public boolean isEnabled(ControlledThread waiter) {
    return target.finished || reason != WakeReason.NONE;
  }

  @Override
  public WakeReason wake(ControlledThread waiter) {
    return reason;
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
