package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of monitors of one execution: who owns which monitor, how often, and who is in its
 * wait set. {@code synchronized} blocks a thread until the monitor is free; {@code wait} releases
 * it and joins the wait set; {@code notify} moves waiters back to competing for the monitor. Each
 * acquisition and release is a happens-before edge.
 */
final class Monitors {
  private final Execution execution;
  private final VectorClocks clocks;
  private final TraceRecorder trace;
  private final IdentityHashMap<Object, MonitorState> monitors = new IdentityHashMap<>();

  Monitors(Execution execution) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.trace = execution.trace();
  }

  /** The model of {@code lock}'s monitor, created (and its object numbered) when first met. */
  private MonitorState monitor(Object lock) {
    MonitorState m = monitors.get(lock);
    if (m == null) {
      m = new MonitorState(execution.stepObjects().of(lock));
      monitors.put(lock, m);
    }
    return m;
  }

  /** {@code monitorenter}: a scheduling point unless {@code me} already owns the monitor. */
  void enter(ControlledThread me, Object lock, int site) {
    MonitorState m = monitor(lock);
    if (m.owner == me) {
      m.count++;
      return;
    }
    if (m.owner != null) trace.waitsForMonitor(me, lock, m.owner, site);
    execution.block(me, new MonitorEnter(lock, m, 1, site, WakeReason.NONE));
    clocks.acquire(me.id, lock);
    trace.monitorLocked(me, lock, site);
  }

  /** Whether {@code me} owns {@code lock}'s monitor in the model. */
  boolean ownedBy(Object lock, ControlledThread me) {
    MonitorState m = monitors.get(lock);
    return m != null && m.owner == me;
  }

  /** {@code monitorexit}: the last exit of the owner frees the monitor. */
  void exit(ControlledThread me, Object lock) {
    MonitorState m = monitors.get(lock);
    if (m != null && m.owner == me && --m.count == 0) {
      m.owner = null;
      me.locks.monitorReleased();
      m.acquiredAt = -1;
      clocks.release(me.id, lock);
      trace.monitorUnlocked(me, lock);
    }
  }

  /** Object.wait: releases the monitor in the model and for real, then waits for a wake-up. */
  WakeReason await(ControlledThread me, Object lock, long millis, int site) {
    // Before the monitor is released: during the deadline's scheduling point another thread may
    // take the monitor and notify, which only a thread already in the wait set may see.
    long deadline = millis > 0 ? execution.timedWaitDeadline(me, millis * 1_000_000L) : -1;
    MonitorState m = monitor(lock);
    int saved = m.owner == me ? m.count : 1;
    if (m.owner == me) me.locks.monitorReleased();
    m.owner = null;
    m.count = 0;
    m.waitSet.add(me);
    ObjectWait waiting = new ObjectWait(lock, m, saved, deadline, site);
    me.realWaitLock = lock;
    clocks.release(me.id, lock);
    trace.waits(me, lock, site);
    WakeReason reason;
    try {
      reason = execution.block(me, waiting);
    } finally {
      me.realWaitLock = null;
    }
    clocks.acquire(me.id, lock);
    trace.resumes(me, lock, reason, site);
    return reason;
  }

  /** notify wakes one waiter (a recorded choice when there are several), notifyAll all. */
  void notify(ControlledThread me, Object lock, boolean all) {
    MonitorState m = monitors.get(lock);
    trace.notified(me, lock, all);
    if (m == null || m.waitSet.isEmpty()) return;
    if (all) {
      while (!m.waitSet.isEmpty()) notified(m.waitSet.get(0));
    } else {
      int size = m.waitSet.size();
      int index = size > 1 ? execution.pickInt(size) : 0;
      notified(m.waitSet.get(index));
    }
  }

  private static void notified(ControlledThread waiter) {
    waiter.blocker = ((ObjectWait) waiter.blocker).leave(waiter, WakeReason.NOTIFIED);
  }

  /** Adds a lock-set entry for every monitor {@code me} owns, for reports. */
  void describeHeldBy(ControlledThread me, List<HeldLock> entries) {
    for (Map.Entry<Object, MonitorState> e : monitors.entrySet()) {
      if (e.getValue().owner != me) continue;
      entries.add(new HeldLock(new LockRef(ObjectId.of(e.getKey()), LockRef.Mode.MONITOR),
          SiteRegistry.location(e.getValue().acquiredAt)));
    }
  }
}
