package dev.weft.internal.runtime;

import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.ObjectId;

/**
 * In the wait set of {@code lock} ({@code Object.wait}), for a notify, an interrupt or its
 * timeout; any of them makes the thread compete for the monitor again, to restore {@code count}.
 */
record ObjectWait(Object lock, MonitorState monitor, int count, long deadline, int site)
    implements Blocker {

  @Override
  public int stepObject() {
    return monitor.stepObject;
  }

  /**
   * Once the virtual clock has passed the deadline the scheduler may choose the waiter to time
   * out, when it can take the monitor back at once; until then (or while another thread holds
   * the monitor) a notify can still reach it.
   */
  @Override
  public boolean isEnabled(ControlledThread waiter) {
    return (monitor.owner == null || monitor.owner == waiter)
        && Blocker.deadlinePassed(deadline, waiter);
  }

  /** Chosen: timed out; leaves the wait set and takes the monitor back. */
  @Override
  public WakeReason wake(ControlledThread waiter) {
    return leave(waiter, WakeReason.TIMED_OUT).wake(waiter);
  }

  /** Leaves the wait set for {@code reason} and waits for the monitor instead. */
  MonitorEnter leave(ControlledThread waiter, WakeReason reason) {
    monitor.waitSet.remove(waiter);
    return new MonitorEnter(lock, monitor, count, site, reason);
  }

  @Override
  public Blocker interrupted(ControlledThread waiter) {
    return leave(waiter, WakeReason.INTERRUPTED);
  }

  @Override
  public Blocker timedOut(ControlledThread waiter) {
    return leave(waiter, WakeReason.TIMED_OUT);
  }

  @Override
  public boolean awaitsUnpark() {
    return false;
  }

  @Override
  public Awaiting awaiting(ControlledThread waiter, Execution execution) {
    return new Awaiting(new Awaited.Notify(ObjectId.of(lock)));
  }
}
