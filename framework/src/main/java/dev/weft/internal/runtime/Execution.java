package dev.weft.internal.runtime;

import dev.weft.Failure;
import dev.weft.boot.ExecutionAborted;
import dev.weft.scheduler.SchedulingStrategy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the body under the scheduler. Exactly one controlled thread runs at a time: a thread
 * that reaches a scheduling point asks the strategy who is next, hands the turn over and waits for
 * it to come back. The model (who owns which monitor, who waits for what) lives here and is only
 * touched by the thread holding the turn.
 */
public final class Execution {
  private static final int SPINS_BEFORE_PARKING = 200;

  private final SchedulingStrategy strategy;
  private final int maxSteps;
  final ArrayList<ControlledThread> threads = new ArrayList<>();
  private final IdentityHashMap<Thread, ControlledThread> byThread = new IdentityHashMap<>();
  private final IdentityHashMap<Object, MonitorState> monitors = new IdentityHashMap<>();
  private int[] enabled = new int[8];
  private long virtualNanos;
  private boolean bodyDone;
  private boolean usedCommonPool;

  /** Scheduling points so far; read by the watchdog to see progress. */
  private volatile int steps;
  private volatile ControlledThread running;
  private volatile boolean aborting;
  private volatile ExecutionFailure failure;
  /** A strategy that refused to go on (a replay that no longer fits the program). */
  private volatile RuntimeException strategyError;
  private final CountDownLatch over = new CountDownLatch(1);
  private final VectorClocks clocks = new VectorClocks();
  /** The events of this execution for the report, or null when not tracing (the usual case). */
  private Trace trace;

  /** The race detector's state, or null when race detection is off. */
  private final CollectionRaces collectionRaces;

  Execution(SchedulingStrategy strategy, int maxSteps, boolean raceDetection) {
    this.strategy = strategy;
    this.maxSteps = maxSteps;
    this.collectionRaces = raceDetection ? new CollectionRaces(this, clocks) : null;
  }

  /** Null when race detection is off. */
  CollectionRaces collectionRaces() {
    return collectionRaces;
  }

  /** The trace being recorded, or null (the usual case: only the run behind a report traces). */
  Trace trace() {
    return trace;
  }

  // ---- state seen by the coordinator -------------------------------------------------------

  boolean usedCommonPool() {
    return usedCommonPool;
  }

  int steps() {
    return steps;
  }

  ControlledThread running() {
    return running;
  }

  boolean aborting() {
    return aborting;
  }

  ExecutionFailure failure() {
    return failure;
  }

  RuntimeException strategyError() {
    return strategyError;
  }

  CountDownLatch overSignal() {
    return over;
  }

  List<ControlledThread> threads() {
    return threads;
  }

  // ---- threads ---------------------------------------------------------------------------------

  ControlledThread register(Thread thread, ControlledThread parent) {
    ControlledThread ct = new ControlledThread(threads.size(), thread, this);
    if (PoolWorkers.isCommonPoolWorker(thread)) usedCommonPool = true;
    threads.add(ct);
    byThread.put(thread, ct);
    clocks.threadCreated(parent == null ? -1 : parent.id, ct.id);
    if (trace != null) trace.nameThread(ct);
    strategy.onThreadCreated(ct.id);
    return ct;
  }

  ControlledThread lookup(Thread thread) {
    return byThread.get(thread);
  }

  /** The first turn goes to T0; called by the coordinator before anything runs. */
  void start(ControlledThread t0) {
    running = t0;
    grant(t0);
  }

  // ---- scheduling ------------------------------------------------------------------------------

  /** A scheduling point where {@code me} could go on. */
  void yieldPoint(ControlledThread me, boolean spinning) {
    if (spinning) strategy.onSpin(me.id);
    switchFrom(me);
  }

  /**
   * {@code me} has recorded what it waits for (via {@link ControlledThread#block}); returns when
   * the model satisfied it and the scheduler gave {@code me} the turn.
   */
  void blockAndSwitch(ControlledThread me) {
    switchFrom(me);
  }

  private void switchFrom(ControlledThread me) {
    checkAborted();
    if (++steps > maxSteps) {
      fail(new ExecutionFailure(Failure.Kind.LIVELOCK,
          "no progress: the execution exceeded " + maxSteps + " scheduling points",
          "Threads kept running (spinning, retrying or waiting with timeouts) without the"
              + " execution ending. Running thread: " + me.displayName() + "\n"
              + StackRendering.render(me.thread.getStackTrace()),
          null, List.of()));
      throw new ExecutionAborted();
    }
    ControlledThread next = chooseNext(me);
    if (next == me) return;
    if (next != null) handOff(next);
    awaitTurn(me);
    checkAborted();
  }

  /** {@code me} will not run again: hands the turn on without waiting. */
  void finish(ControlledThread me) {
    me.state = ThreadState.FINISHED;
    me.blockKind = BlockKind.NONE;
    if (trace != null && !aborting) trace.add(me, "ends", null, false);
    if (me.id == 0) bodyDone = true;
    if (aborting) return;
    ControlledThread next = chooseNext(null);
    if (next != null) handOff(next);
  }

  private ControlledThread chooseNext(ControlledThread me) {
    while (true) {
      int count = collectEnabled();
      if (count > 0) {
        int current = me != null && isEnabled(me) ? me.id : -1;
        int chosen;
        try {
          chosen = strategy.pickThread(enabled, count, current);
        } catch (RuntimeException e) {
          strategyFailed(e);
          return null;
        }
        ControlledThread next = threads.get(chosen);
        wake(next);
        return next;
      }
      if (!bodyDone && fireEarliestTimeout()) continue;
      if (!bodyDone && awaitUnparkFromOutside()) continue;
      if (bodyDone) {
        over.countDown();
      } else {
        if (trace != null) {
          for (ControlledThread t : threads) {
            if (t.state == ThreadState.BLOCKED) trace.markLastOf(t.id);
          }
        }
        fail(DeadlockReport.describe(this));
      }
      return null;
    }
  }

  private int collectEnabled() {
    applyUnparksFromOutside();
    int n = threads.size();
    if (enabled.length < n) enabled = new int[Math.max(n, enabled.length * 2)];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (isEnabled(threads.get(i))) enabled[count++] = i;
    }
    return count;
  }

  boolean isEnabled(ControlledThread t) {
    switch (t.state) {
      case RUNNABLE:
        return true;
      case FINISHED:
        return false;
      default:
        break;
    }
    switch (t.blockKind) {
      case MONITOR:
        MonitorState m = monitors.get(t.blockObject);
        return m == null || m.owner == null || m.owner == t;
      case JOIN:
        return ((ControlledThread) t.blockObject).state == ThreadState.FINISHED
            || t.wakeReason != WakeReason.NONE;
      case PARK:
        return t.permit || t.wakeReason != WakeReason.NONE;
      case WAIT:
      default:
        return false;
    }
  }

  /** Virtual time: when nobody can run, the earliest timed wait expires. */
  private boolean fireEarliestTimeout() {
    ControlledThread earliest = null;
    for (ControlledThread t : threads) {
      if (t.state == ThreadState.BLOCKED && t.deadline >= 0
          && (earliest == null || t.deadline < earliest.deadline)) {
        earliest = t;
      }
    }
    if (earliest == null) return false;
    virtualNanos = Math.max(virtualNanos, earliest.deadline);
    earliest.deadline = -1;
    earliest.wakeReason = WakeReason.TIMED_OUT;
    if (earliest.blockKind == BlockKind.WAIT) {
      leaveWaitSet(earliest);
    }
    return true;
  }

  /** Performs what a chosen blocked thread was waiting for. */
  private void wake(ControlledThread t) {
    if (t.state != ThreadState.BLOCKED) return;
    switch (t.blockKind) {
      case MONITOR:
        MonitorState m = monitor(t.blockObject);
        m.owner = t;
        t.monitorsHeld++;
        t.lockSet = null;
        m.count = t.reacquireCount;
        m.acquiredAt = t.blockSite;
        break;
      case PARK:
        if (t.wakeReason == WakeReason.NONE) {
          t.permit = false;
          t.wakeReason = WakeReason.UNPARKED;
        }
        break;
      default:
        break;
    }
    t.state = ThreadState.RUNNABLE;
    t.blockKind = BlockKind.NONE;
    t.deadline = -1;
  }

  private void handOff(ControlledThread next) {
    running = next;
    grant(next);
  }

  private static void grant(ControlledThread next) {
    Object realWaitLock = next.realWaitLock;
    if (realWaitLock != null) {
      synchronized (realWaitLock) {
        next.turn = true;
        realWaitLock.notifyAll();
      }
    } else {
      next.turn = true;
      LockSupport.unpark(next.thread);
    }
  }

  /** Waits until the turn comes back to {@code me} (or the execution is aborted). */
  void awaitTurn(ControlledThread me) {
    boolean interrupted = false;
    Object realWaitLock = me.realWaitLock;
    if (realWaitLock != null) {
      // Inside Object.wait: the real monitor must be released while others run.
      synchronized (realWaitLock) {
        while (!me.turn && !aborting) {
          try {
            realWaitLock.wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    } else {
      int spins = 0;
      while (!me.turn && !aborting) {
        if (spins < SPINS_BEFORE_PARKING) {
          spins++;
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
          if (Thread.interrupted()) interrupted = true;
        }
      }
    }
    me.turn = false;
    if (interrupted) me.thread.interrupt();
  }

  void checkAborted() {
    if (aborting) throw new ExecutionAborted();
  }

  // ---- failures and the end --------------------------------------------------------------------

  /** Records the first failure and ends the execution. */
  void fail(ExecutionFailure f) {
    if (failure == null) failure = f;
    aborting = true;
    over.countDown();
  }

  private void strategyFailed(RuntimeException e) {
    if (strategyError == null) strategyError = e;
    fail(new ExecutionFailure(Failure.Kind.LOST_CONTROL, String.valueOf(e.getMessage()), "", e,
        List.of()));
  }

  /** Called by the coordinator once the execution is over: unwinds every thread still alive. */
  void abortAll() {
    aborting = true;
    for (ControlledThread t : threads) {
      if (t.state == ThreadState.FINISHED) continue;
      if (t.realWaitLock != null) {
        t.thread.interrupt();
      } else {
        LockSupport.unpark(t.thread);
      }
    }
  }

  // ---- monitors --------------------------------------------------------------------------------

  MonitorState monitor(Object lock) {
    MonitorState m = monitors.get(lock);
    if (m == null) {
      m = new MonitorState();
      monitors.put(lock, m);
    }
    return m;
  }

  MonitorState existingMonitor(Object lock) {
    return monitors.get(lock);
  }

  void monitorEnter(ControlledThread me, Object lock, int site) {
    MonitorState m = monitor(lock);
    if (m.owner == me) {
      m.count++;
      return;
    }
    me.reacquireCount = 1;
    if (trace != null && m.owner != null) {
      trace.add(me, "waits for lock " + name(lock) + " held by T" + m.owner.id, site(site), false);
    }
    me.block(BlockKind.MONITOR, lock, -1, site);
    blockAndSwitch(me);
    clocks.acquire(me.id, lock);
    if (trace != null) trace.add(me, "locks " + name(lock), site(site), false);
  }

  void monitorExit(ControlledThread me, Object lock) {
    MonitorState m = monitors.get(lock);
    if (m != null && m.owner == me && --m.count == 0) {
      m.owner = null;
      me.monitorsHeld--;
      me.lockSet = null;
      m.acquiredAt = -1;
      clocks.release(me.id, lock);
      if (trace != null) trace.add(me, "unlocks " + name(lock), null, false);
    }
  }

  /** Object.wait: releases the monitor in the model and for real, then waits for a wake-up. */
  WakeReason await(ControlledThread me, Object lock, long millis, int site) {
    MonitorState m = monitor(lock);
    int saved = m.owner == me ? m.count : 1;
    if (m.owner == me) {
      me.monitorsHeld--;
      me.lockSet = null;
    }
    m.owner = null;
    m.count = 0;
    m.waitSet.add(me);
    long deadline = millis > 0 ? virtualNanos + millis * 1_000_000L : -1;
    me.reacquireCount = saved;
    me.block(BlockKind.WAIT, lock, deadline, site);
    me.realWaitLock = lock;
    clocks.release(me.id, lock);
    if (trace != null) trace.add(me, "waits on " + name(lock), site(site), false);
    try {
      blockAndSwitch(me);
    } finally {
      me.realWaitLock = null;
    }
    clocks.acquire(me.id, lock);
    return me.wakeReason;
  }

  void notify(ControlledThread me, Object lock, boolean all) {
    MonitorState m = monitors.get(lock);
    if (trace != null) trace.add(me, (all ? "notifyAll " : "notify ") + name(lock), null, false);
    if (m == null || m.waitSet.isEmpty()) return;
    if (all) {
      while (!m.waitSet.isEmpty()) {
        wakeFromWaitSet(m.waitSet.get(0), WakeReason.NOTIFIED);
      }
    } else {
      int size = m.waitSet.size();
      int index;
      try {
        index = size > 1 ? strategy.pickInt(size) : 0;
      } catch (RuntimeException e) {
        strategyFailed(e);
        throw new ExecutionAborted();
      }
      wakeFromWaitSet(m.waitSet.get(index), WakeReason.NOTIFIED);
    }
  }

  /**
   * A choice the code under test asks of the schedule (a scenario drawn once per execution), in
   * {@code [0, bound)}. It is a recorded decision like a thread switch, so a replay draws the same.
   */
  int choose(int bound) {
    try {
      return bound <= 1 ? 0 : strategy.pickInt(bound);
    } catch (RuntimeException e) {
      strategyFailed(e);
      throw new ExecutionAborted();
    }
  }

  private void wakeFromWaitSet(ControlledThread t, WakeReason reason) {
    t.wakeReason = reason;
    t.deadline = -1;
    leaveWaitSet(t);
  }

  /** A waiting thread leaves the wait set and competes for the monitor again. */
  private void leaveWaitSet(ControlledThread t) {
    MonitorState m = monitor(t.blockObject);
    m.waitSet.remove(t);
    t.blockKind = BlockKind.MONITOR;
  }

  // ---- other blocking operations --------------------------------------------------------------

  WakeReason join(ControlledThread me, ControlledThread target, long millis, int site) {
    if (target.state == ThreadState.FINISHED) {
      yieldPoint(me, false);
      clocks.joined(me.id, target.id);
      return WakeReason.NONE;
    }
    long deadline = millis > 0 ? virtualNanos + millis * 1_000_000L : -1;
    if (trace != null) trace.add(me, "joins T" + target.id, site(site), false);
    me.block(BlockKind.JOIN, target, deadline, site);
    blockAndSwitch(me);
    if (target.state == ThreadState.FINISHED) clocks.joined(me.id, target.id);
    return me.wakeReason;
  }

  void park(ControlledThread me, Object blocker, long nanos, boolean timed) {
    if (me.permit || me.thread.isInterrupted()) {
      me.permit = false;
      yieldPoint(me, false);
      clocks.acquire(me.id, me);
      return;
    }
    if (trace != null) {
      // A park with a blocker is a thread waiting for a lock, latch or future: that explains
      // the switch that follows, so it is not folded away.
      trace.add(me, blocker == null ? "parks" : "waits for " + name(blocker), null,
          blocker == null);
    }
    me.block(BlockKind.PARK, blocker, timed ? virtualNanos + Math.max(1L, nanos) : -1, -1);
    blockAndSwitch(me);
    clocks.acquire(me.id, me);
  }

  void unpark(ControlledThread me, ControlledThread target) {
    target.permit = true;
    clocks.release(me.id, target);
    if (trace != null) trace.add(me, "unparks T" + target.id, null, true);
  }

  // ---- threads outside the execution ------------------------------------------------------------

  /** Unparks of controlled threads by threads outside the execution, applied by the turn holder. */
  private final java.util.concurrent.ConcurrentLinkedQueue<ControlledThread> outsideUnparks =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final long OUTSIDE_GRACE_NANOS = 300_000_000L;

  void unparkedFromOutside(ControlledThread target) {
    outsideUnparks.add(target);
  }

  private void applyUnparksFromOutside() {
    ControlledThread t;
    while ((t = outsideUnparks.poll()) != null) t.permit = true;
  }

  /**
   * Before calling a deadlock: a common-pool worker outside the execution may still complete a
   * task and unpark a controlled thread. Waits briefly for that, only when such a worker exists.
   */
  private boolean awaitUnparkFromOutside() {
    boolean someoneAwaitsUnpark = false;
    for (ControlledThread t : threads) {
      if (t.state == ThreadState.BLOCKED && t.blockKind == BlockKind.PARK) someoneAwaitsUnpark = true;
    }
    if (!someoneAwaitsUnpark || !PoolWorkers.anyCommonPoolWorkerOutside(byThread)) return false;
    long deadline = System.nanoTime() + OUTSIDE_GRACE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      if (!outsideUnparks.isEmpty()) return true;
      Thread.onSpinWait();
      Thread.yield();
    }
    return !outsideUnparks.isEmpty();
  }

  // ---- happens-before and races -----------------------------------------------------------------

  /** {@code me} learned that {@code target} finished (isAlive returned false). */
  void observedFinished(ControlledThread me, ControlledThread target) {
    clocks.joined(me.id, target.id);
  }

  /** A volatile access, after its scheduling point, just before the field is read or written. */
  void volatileAccess(ControlledThread me, int fieldId, boolean write, int site) {
    if (trace != null) {
      trace.add(me, (write ? "writes " : "reads ") + "volatile "
          + dev.weft.internal.agent.SiteRegistry.fieldName(fieldId), site(site), true);
    }
    if (write) {
      clocks.releaseField(me.id, fieldId);
    } else {
      clocks.acquireField(me.id, fieldId);
    }
  }

  /** An atomic, VarHandle or java.util.concurrent operation whose object Weft does not see. */
  /** An atomic or java.util.concurrent call at {@code site}, for the trace. */
  void synchronizationCall(ControlledThread me, int site) {
    if (trace != null) trace.add(me, Trace.LIBRARY_CALL, site(site), true);
  }

  void sharedSynchronization(ControlledThread me, boolean release) {
    if (release) clocks.releaseShared(me.id);
    clocks.acquireShared(me.id);
  }

  private static StackTraceElement site(int site) {
    return site < 0 ? null : dev.weft.internal.agent.SiteRegistry.location(site);
  }

  private static String name(Object o) {
    return o.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(o));
  }

  /** {@code parent} started {@code child}; for the trace. */
  void traceStarted(ControlledThread parent, ControlledThread child) {
    if (trace != null) trace.add(parent, "starts T" + child.id, child.createdAt, false);
  }

  /** Turns on tracing for this execution. */
  void traceInto(Trace trace) {
    this.trace = trace;
  }

  /** A thread failed with {@code error}: the trace's last row for it. */
  void traceThrow(ControlledThread me, Throwable error) {
    if (trace != null) {
      trace.markLast(me, "throws " + error.getClass().getSimpleName(),
          StackRendering.firstApplicationFrame(error.getStackTrace()));
    }
  }

  // ---- java.util.concurrent locks ---------------------------------------------------------------

  /**
   * Application code of {@code me} took a java.util.concurrent lock ({@code mode}: a {@code Hooks}
   * constant). Only for the lock set of reports and for happens-before: the lock itself is real,
   * and its blocking goes through LockSupport like every other java.util.concurrent wait.
   */
  void lockAcquired(ControlledThread me, Object lock, int mode, int site) {
    ConcurrentLocks.Identity id = ConcurrentLocks.identify(lock, mode);
    if (id == null) return;
    if (me.heldLocks == null) me.heldLocks = new ArrayList<>(2);
    HeldLock held = find(me, id);
    if (held != null) {
      held.count++;
      return;
    }
    me.heldLocks.add(new HeldLock(id, site));
    me.lockSet = null;
    if (id.shared()) {
      clocks.acquire(me.id, id.key());
    } else {
      clocks.acquireExclusive(me.id, id.key());
    }
    if (trace != null) trace.addReplacingLibraryCall(me, "locks " + id.name(), site(site));
  }

  /** Application code of {@code me} released a lock reported by {@link #lockAcquired}. */
  void lockReleased(ControlledThread me, Object lock, int mode, int site) {
    ConcurrentLocks.Identity id = ConcurrentLocks.identify(lock, mode);
    if (id == null) return;
    ControlledThread holder = me;
    HeldLock held = find(me, id);
    if (held == null && isStamped(lock, mode)) {
      // A StampedLock is not owned by a thread: another thread may unlock a stamp.
      for (ControlledThread t : threads) {
        held = t == me ? null : find(t, id);
        if (held != null) {
          holder = t;
          break;
        }
      }
    }
    if (held == null || --held.count > 0) return;
    holder.heldLocks.remove(held);
    holder.lockSet = null;
    if (id.shared()) {
      clocks.releaseRead(me.id, id.key());
    } else {
      clocks.release(me.id, id.key());
    }
    if (trace != null) trace.addReplacingLibraryCall(me, "unlocks " + id.name(), site(site));
  }

  private static boolean isStamped(Object lock, int mode) {
    return mode != dev.weft.boot.Hooks.LOCK_OBJECT
        || lock.getClass().getName().startsWith("java.util.concurrent.locks.StampedLock$");
  }

  private static HeldLock find(ControlledThread t, ConcurrentLocks.Identity id) {
    ArrayList<HeldLock> held = t.heldLocks;
    if (held == null) return null;
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).is(id.key(), id.shared())) return held.get(i);
    }
    return null;
  }

  /** Monitors and java.util.concurrent locks {@code me} holds, for reports. */
  LockSet locksHeldBy(ControlledThread me) {
    if (me.monitorsHeld == 0 && (me.heldLocks == null || me.heldLocks.isEmpty())) {
      return LockSet.NONE;
    }
    // Cached until the thread takes or releases a lock: asked on every collection access.
    if (me.lockSet == null) me.lockSet = describeLocksHeld(me);
    return me.lockSet;
  }

  private LockSet describeLocksHeld(ControlledThread me) {
    List<LockSet.Entry> entries = new ArrayList<>();
    if (me.monitorsHeld > 0) {
      for (java.util.Map.Entry<Object, MonitorState> e : monitors.entrySet()) {
        if (e.getValue().owner != me) continue;
        Object lock = e.getKey();
        String owner = lock.getClass().getSimpleName() + "@"
            + Integer.toHexString(System.identityHashCode(lock));
        String name = "monitor of " + owner;
        entries.add(new LockSet.Entry(lock, LockSet.Mode.MONITOR, owner, name,
            name + lockedAt(e.getValue().acquiredAt)));
      }
    }
    if (me.heldLocks != null) {
      for (HeldLock h : me.heldLocks) {
        ConcurrentLocks.Identity id = h.lock;
        entries.add(new LockSet.Entry(id.key(),
            id.shared() ? LockSet.Mode.SHARED : LockSet.Mode.EXCLUSIVE, id.owner(), id.name(),
            id.name() + lockedAt(h.site)));
      }
    }
    return new LockSet(entries);
  }

  /** {@code " (locked at Foo.java:12)"}, or nothing when the place is unknown. */
  private static String lockedAt(int site) {
    StackTraceElement where = site(site);
    return where == null || where.getLineNumber() < 0 ? ""
        : " (locked at " + StackRendering.shortLocation(where) + ")";
  }

  /**
   * A sleep lets other threads run but is not a spin by itself: "sleep so that the other thread
   * finishes first" is a bug to find, so the sleeper stays a candidate. Only a thread that sleeps
   * again and again at the same place (a polling loop) is treated as spinning.
   */
  void sleep(ControlledThread me, long nanos, boolean polling) {
    virtualNanos += Math.max(0L, nanos);
    yieldPoint(me, polling);
  }

  /** Thread.interrupt of a controlled thread: wakes it if it blocks interruptibly. */
  void interrupt(ControlledThread target) {
    if (target.state != ThreadState.BLOCKED) return;
    switch (target.blockKind) {
      case WAIT:
        wakeFromWaitSet(target, WakeReason.INTERRUPTED);
        break;
      case JOIN:
      case PARK:
        target.wakeReason = WakeReason.INTERRUPTED;
        target.deadline = -1;
        break;
      default:
        break;
    }
  }

  // ---- for reports -----------------------------------------------------------------------------

  IdentityHashMap<Object, MonitorState> monitors() {
    return monitors;
  }

  long virtualNanos() {
    return virtualNanos;
  }
}
