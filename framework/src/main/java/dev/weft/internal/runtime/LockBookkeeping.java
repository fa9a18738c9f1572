package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import dev.weft.internal.agent.SiteRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The java.util.concurrent locks application code takes, per thread ({@link HeldLocks}), for the
 * lock sets of race reports and for happens-before. The locks themselves are real: their blocking
 * goes through LockSupport like every other java.util.concurrent wait, so nothing here blocks.
 */
final class LockBookkeeping {
  private final Execution execution;
  private final VectorClocks clocks;
  private final TraceRecorder trace;

  LockBookkeeping(Execution execution) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.trace = execution.trace();
  }

  /** Application code of {@code me} took {@code lock} in {@code mode} (a {@code Hooks} constant). */
  void acquired(ControlledThread me, Object lock, int mode, int site) {
    ConcurrentLocks.Identity id = ConcurrentLocks.identify(lock, mode);
    if (id == null) return;
    HeldLocks locks = me.locks;
    if (locks.concurrent == null) locks.concurrent = new ArrayList<>(2);
    HeldLock held = find(me, id);
    if (held != null) {
      held.count++;
      return;
    }
    locks.concurrent.add(new HeldLock(id, site));
    locks.cached = null;
    if (id.shared()) {
      clocks.acquire(me.id, id.key());
    } else {
      clocks.acquireExclusive(me.id, id.key());
    }
    trace.concurrentLockTaken(me, id, site);
  }

  /** Application code of {@code me} released a lock reported by {@link #acquired}. */
  void released(ControlledThread me, Object lock, int mode, int site) {
    ConcurrentLocks.Identity id = ConcurrentLocks.identify(lock, mode);
    if (id == null) return;
    ControlledThread holder = me;
    HeldLock held = find(me, id);
    if (held == null && isStamped(lock, mode)) {
      // A StampedLock is not owned by a thread: another thread may unlock a stamp.
      for (ControlledThread t : execution.threads()) {
        held = t == me ? null : find(t, id);
        if (held != null) {
          holder = t;
          break;
        }
      }
    }
    if (held == null || --held.count > 0) return;
    holder.locks.concurrent.remove(held);
    holder.locks.cached = null;
    if (id.shared()) {
      clocks.releaseRead(me.id, id.key());
    } else {
      clocks.release(me.id, id.key());
    }
    trace.concurrentLockReleased(me, id, site);
  }

  private static boolean isStamped(Object lock, int mode) {
    return mode != Hooks.LOCK_OBJECT
        || lock.getClass().getName().startsWith("java.util.concurrent.locks.StampedLock$");
  }

  private static HeldLock find(ControlledThread t, ConcurrentLocks.Identity id) {
    ArrayList<HeldLock> held = t.locks.concurrent;
    if (held == null) return null;
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).is(id.key(), id.shared())) return held.get(i);
    }
    return null;
  }

  /** Monitors and java.util.concurrent locks {@code me} holds, for reports. */
  LockSet heldBy(ControlledThread me) {
    HeldLocks locks = me.locks;
    if (locks.none()) return LockSet.NONE;
    // Cached until the thread takes or releases a lock: asked on every collection access.
    if (locks.cached == null) locks.cached = describe(me);
    return locks.cached;
  }

  private LockSet describe(ControlledThread me) {
    List<LockSet.Entry> entries = new ArrayList<>();
    if (me.locks.monitors > 0) execution.monitors().describeHeldBy(me, entries);
    if (me.locks.concurrent != null) {
      for (HeldLock h : me.locks.concurrent) {
        ConcurrentLocks.Identity id = h.lock;
        entries.add(new LockSet.Entry(id.key(),
            id.shared() ? LockSet.Mode.SHARED : LockSet.Mode.EXCLUSIVE, id.owner(), id.name(),
            id.name() + lockedAt(h.site)));
      }
    }
    return new LockSet(entries);
  }

  /** {@code " (locked at Foo.java:12)"}, or nothing when the place is unknown. */
  static String lockedAt(int site) {
    StackTraceElement where = SiteRegistry.location(site);
    return where == null || where.getLineNumber() < 0 ? ""
        : " (locked at " + StackRendering.shortLocation(where) + ")";
  }
}
