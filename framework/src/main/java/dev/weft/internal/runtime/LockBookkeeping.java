package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.HeldLock;
import java.util.ArrayList;
import java.util.List;

/**
 * The java.util.concurrent locks application code takes, per thread ({@link HeldLocks}), for the
 * lock sets of race reports, the holders of a deadlock, and happens-before. The locks themselves
 * are real: their blocking goes through LockSupport like every other java.util.concurrent wait, so
 * nothing here blocks.
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
    TakenLock held = find(me, id);
    if (held != null) {
      held.count++;
      return;
    }
    locks.concurrent.add(new TakenLock(id, site));
    locks.cached = null;
    if (id.shared()) {
      clocks.acquire(me.id, id.key());
    } else {
      clocks.acquireExclusive(me.id, id.key());
    }
    trace.concurrentLockTaken(me, id.ref(), site);
  }

  /** Application code of {@code me} released a lock reported by {@link #acquired}. */
  void released(ControlledThread me, Object lock, int mode, int site) {
    ConcurrentLocks.Identity id = ConcurrentLocks.identify(lock, mode);
    if (id == null) return;
    ControlledThread holder = me;
    TakenLock held = find(me, id);
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
    trace.concurrentLockReleased(me, id.ref(), site);
  }

  private static boolean isStamped(Object lock, int mode) {
    return mode != Hooks.LOCK_OBJECT
        || lock.getClass().getName().startsWith("java.util.concurrent.locks.StampedLock$");
  }

  private static TakenLock find(ControlledThread t, ConcurrentLocks.Identity id) {
    ArrayList<TakenLock> held = t.locks.concurrent;
    if (held == null) return null;
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).is(id.key(), id.shared())) return held.get(i);
    }
    return null;
  }

  /**
   * The locks {@code key} stands for (a lock's shared synchronizer, as a waiting thread parks on
   * it) that some thread holds, with who holds them; empty when no application code holds it.
   */
  List<Taken> holdersOf(Object key) {
    List<Taken> holders = new ArrayList<>();
    for (ControlledThread t : execution.threads()) {
      if (t.finished || t.locks.concurrent == null) continue;
      for (TakenLock h : t.locks.concurrent) {
        if (h.lock.key() == key) holders.add(new Taken(t, h));
      }
    }
    return holders;
  }

  /** A lock some thread took. */
  record Taken(ControlledThread thread, TakenLock lock) {}

  /** Monitors and java.util.concurrent locks {@code me} holds, for reports. */
  List<HeldLock> heldBy(ControlledThread me) {
    HeldLocks locks = me.locks;
    if (locks.none()) return List.of();
    // Cached until the thread takes or releases a lock: asked on every collection access.
    if (locks.cached == null) locks.cached = describe(me);
    return locks.cached;
  }

  private List<HeldLock> describe(ControlledThread me) {
    List<HeldLock> entries = new ArrayList<>();
    if (me.locks.monitors > 0) execution.monitors().describeHeldBy(me, entries);
    if (me.locks.concurrent != null) {
      for (TakenLock h : me.locks.concurrent) {
        entries.add(new HeldLock(h.lock.ref(), SiteRegistry.location(h.site)));
      }
    }
    return List.copyOf(entries);
  }
}
