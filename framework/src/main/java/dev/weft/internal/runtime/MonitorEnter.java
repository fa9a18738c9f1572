package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.WaitEdge;
import java.util.List;

/**
 * Waits to acquire {@code lock}, or after {@code wait} to re-acquire it ({@code reason} then says
 * why the wait ended). Taking it restores the recursion count {@code count}.
 */
record MonitorEnter(Object lock, MonitorState monitor, int count, int site, WakeReason reason)
    implements Blocker {

  @Override
  public int stepObject() {
    return monitor.stepObject;
  }

  @Override
  public long deadline() {
    return -1;
  }

  @Override
  public boolean isEnabled(ControlledThread waiter) {
    return monitor.owner == null || monitor.owner == waiter;
  }

  @Override
  public WakeReason wake(ControlledThread waiter) {
    monitor.owner = waiter;
    monitor.count = count;
    monitor.acquiredAt = site;
    waiter.locks.monitorTaken();
    return reason;
  }

  /** Monitor acquisition is not interruptible. */
  @Override
  public Blocker interrupted(ControlledThread waiter) {
    return this;
  }

  @Override
  public Blocker timedOut(ControlledThread waiter) {
    return this;
  }

  @Override
  public boolean awaitsUnpark() {
    return false;
  }

  @Override
  public Awaiting awaiting(ControlledThread waiter, Execution execution) {
    List<WaitEdge.Holder> holders = monitor.owner == null ? List.of()
        : List.of(new WaitEdge.Holder(monitor.owner.ref(),
            SiteRegistry.location(monitor.acquiredAt)));
    return new Awaiting(new Awaited.Monitor(ObjectId.of(lock)), holders);
  }
}
