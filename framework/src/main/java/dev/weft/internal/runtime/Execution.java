package dev.weft.internal.runtime;

import dev.weft.boot.ExecutionAborted;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.Livelock;
import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.failure.WeftInternalError;
import dev.weft.scheduler.NextSteps;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.StepKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the body under the scheduler, the core of the runtime: exactly one controlled thread
 * runs at a time. A thread that reaches a scheduling point records its next step, asks the strategy
 * who is next, hands the turn over and waits for it to come back. What a thread may wait for is
 * kept by the models ({@link Monitors}, {@link Blocking}, {@link LockBookkeeping}, {@link
 * MemoryAccesses}, {@link OutsideUnparks}), which block threads through {@link #block} and are
 * only touched by the thread holding the turn.
 */
public final class Execution {
  private static final int SPINS_BEFORE_PARKING = 200;

  private final SchedulingStrategy strategy;
  private final int maxSteps;
  private final ArrayList<ControlledThread> threads = new ArrayList<>();
  private final IdentityHashMap<Thread, ControlledThread> byThread = new IdentityHashMap<>();
  private int[] enabled = new int[8];
  /** Non-daemon threads that have not ended: like the JVM, the execution ends when none is. */
  private int liveNonDaemon;
  private boolean usedCommonPool;

  /** Scheduling points so far; read by the watchdog to see progress. */
  private volatile int steps;
  private volatile ControlledThread running;
  private volatile boolean aborting;
  private volatile FailureDetails failure;
  /** A strategy that refused to go on (a replay that no longer fits the program). */
  private volatile RuntimeException strategyError;
  private final CountDownLatch over = new CountDownLatch(1);
  /** The uncontrolled thread that runs this execution (see {@link ExecutionRunner}). */
  private final Thread coordinator = Thread.currentThread();

  private final StepObjects stepObjects = new StepObjects();
  private final NextSteps nextSteps = new NextStepsView();
  private final TraceRecorder trace = new TraceRecorder();
  private final VectorClocks clocks = new VectorClocks();
  private final VirtualClock virtualClock = new VirtualClock();
  private final OutsideUnparks outsideUnparks = new OutsideUnparks();
  private final Monitors monitors;
  private final Blocking blocking;
  private final LockBookkeeping locks;
  private final MemoryAccesses memory;
  /** The race detector's state, or null when race detection is off. */
  private final CollectionRaces collectionRaces;
  /** The field race detector's state, or null when field race detection is off. */
  private final FieldRaces fieldRaces;
  /**
   * A race the traced run found and goes on after, to show what it breaks; null otherwise. While
   * it is set, the schedule is no longer asked: each thread runs as long as it can.
   */
  private volatile DataRace pendingRace;
  /** The thread that last reported spinning, for the picks after a pending race. */
  private int lastSpinner = -1;

  Execution(SchedulingStrategy strategy, int maxSteps, Detection detection) {
    this.strategy = strategy;
    this.maxSteps = maxSteps;
    this.monitors = new Monitors(this);
    this.blocking = new Blocking(this);
    this.locks = new LockBookkeeping(this);
    this.memory = new MemoryAccesses(this);
    this.collectionRaces = detection.collections() ? new CollectionRaces(this) : null;
    this.fieldRaces = detection.fields() != null ? new FieldRaces(this, detection.fields()) : null;
  }

  // ---- the models and their shared parts -------------------------------------------------------

  Monitors monitors() {
    return monitors;
  }

  Blocking blocking() {
    return blocking;
  }

  LockBookkeeping locks() {
    return locks;
  }

  MemoryAccesses memory() {
    return memory;
  }

  OutsideUnparks outsideUnparks() {
    return outsideUnparks;
  }

  /** Null when race detection is off. */
  CollectionRaces collectionRaces() {
    return collectionRaces;
  }

  /** Null when field race detection is off. */
  FieldRaces fieldRaces() {
    return fieldRaces;
  }

  VectorClocks clocks() {
    return clocks;
  }

  VirtualClock virtualClock() {
    return virtualClock;
  }

  StepObjects stepObjects() {
    return stepObjects;
  }

  /** Records the events of this execution for the report (off unless {@link #traceInto}). */
  TraceRecorder trace() {
    return trace;
  }

  /** Turns on tracing for this execution. */
  void traceInto(Trace into) {
    trace.into(into);
  }

  /** The live view of every thread's next step, for the strategy. */
  NextSteps nextSteps() {
    return nextSteps;
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

  /**
   * The failure of this execution: the first one, or a race the traced run went on after, with
   * what broke later (if anything).
   */
  FailureDetails failure() {
    DataRace race = pendingRace;
    FailureDetails f = failure;
    if (race == null) return f;
    if (f == null || f instanceof LostControl || f instanceof WeftInternalError) return race;
    return race.followedBy(f);
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

  /** A new thread, whose first step is its start: it synchronizes on the thread itself. */
  ControlledThread register(Thread thread, ControlledThread parent, boolean daemon) {
    ControlledThread ct =
        new ControlledThread(threads.size(), thread, this, stepObjects.of(thread), daemon);
    if (!daemon) liveNonDaemon++;
    ct.nextObject = ct.stepObject;
    ct.nextKind = StepKind.SYNC;
    if (PoolWorkers.isCommonPoolWorker(thread)) usedCommonPool = true;
    threads.add(ct);
    byThread.put(thread, ct);
    clocks.threadCreated(parent == null ? -1 : parent.id, ct.id);
    trace.threadCreated(ct);
    strategy.onThreadCreated(ct.id);
    return ct;
  }

  ControlledThread lookup(Thread thread) {
    return byThread.get(thread);
  }

  /** Whether {@code thread} runs this execution: its unparks are turn grants, not the program's. */
  boolean isCoordinator(Thread thread) {
    return thread == coordinator;
  }

  /** Whether some common-pool worker is outside this execution (see {@link OutsideUnparks}). */
  boolean anyCommonPoolWorkerOutside() {
    return PoolWorkers.anyCommonPoolWorkerOutside(byThread);
  }

  /** The first turn goes to T0; called by the coordinator before anything runs. */
  void start(ControlledThread t0) {
    running = t0;
    grant(t0);
  }

  // ---- scheduling ------------------------------------------------------------------------------

  /**
   * A scheduling point where {@code me} could go on; its next step touches {@code object} (a
   * {@link StepObjects} number) as {@code kind}.
   */
  void schedulingPoint(ControlledThread me, int object, StepKind kind, boolean spinning) {
    me.nextObject = object;
    me.nextKind = kind;
    if (spinning) {
      lastSpinner = me.id;
      if (pendingRace == null) strategy.onSpin(me.id);
    }
    switchFrom(me);
  }

  /** A scheduling point with a step that touches nothing another thread sees. */
  void localSchedulingPoint(ControlledThread me, boolean spinning) {
    schedulingPoint(me, NextSteps.NO_OBJECT, StepKind.LOCAL, spinning);
  }

  /**
   * The virtual-clock deadline of a timed wait of {@code relativeNanos} that {@code me} starts:
   * a scheduling point first, since the deadline reads the clock that sleeps move. The clock is
   * an object of its own; reading it for a deadline is declared a write and a sleep a read, so
   * that the two are dependent while sleeps, whose advances commute, stay independent of each
   * other (two deadlines are then dependent too, which only costs schedules).
   */
  long timedWaitDeadline(ControlledThread me, long relativeNanos) {
    schedulingPoint(me, stepObjects.of(virtualClock), StepKind.WRITE, false);
    return virtualClock.deadlineAfter(relativeNanos);
  }

  /**
   * {@code me} reads the clock ({@code System.nanoTime}, {@code currentTimeMillis}): a step on the
   * clock, declared a write since it moves the clock by {@link VirtualClock#READ_TICK_NANOS}, so
   * that a loop waiting for the clock to pass a mark ends. Returns the virtual nanoseconds.
   */
  long readClock(ControlledThread me, boolean spinning) {
    schedulingPoint(me, stepObjects.of(virtualClock), StepKind.WRITE, spinning);
    virtualClock.advance(VirtualClock.READ_TICK_NANOS);
    return virtualClock.now();
  }

  /** {@code me} sleeps {@code nanos} of virtual time: a step on the clock (see above). */
  void sleep(ControlledThread me, long nanos, boolean spinning) {
    schedulingPoint(me, stepObjects.of(virtualClock), StepKind.READ, spinning);
    virtualClock.advance(nanos);
  }

  /**
   * {@code me} is about to interrupt {@code target}: a step that writes the target's interrupt
   * status. While the target is in a wait set the interrupt also takes it out, which does not
   * commute with a notify, so the step then synchronizes on the monitor instead; the view names
   * it live ({@link NextStepsView}), since the target may enter or leave the wait set while
   * {@code me} waits for its turn. Where the target is blocked in a join or a park, an interrupt
   * and whatever else ends the wait give the same wake-up in either order, and the status object
   * is right.
   */
  void interruptPoint(ControlledThread me, ControlledThread target) {
    me.interruptTarget = target;
    try {
      schedulingPoint(me, stepObjects.of(target.interruptStatus), StepKind.WRITE, false);
    } finally {
      me.interruptTarget = null;
    }
  }

  /**
   * {@code me} reads ({@link StepKind#READ}) or reads and clears ({@link StepKind#WRITE})
   * {@code target}'s interrupt status: a step on it, dependent with an interrupt of the target.
   * A sleep or a wait checks the status of its own thread here first (see {@link #block} for why
   * a join and a park need not).
   */
  void interruptStatusPoint(ControlledThread me, ControlledThread target, StepKind kind) {
    schedulingPoint(me, stepObjects.of(target.interruptStatus), kind, false);
  }

  /**
   * {@code me} cannot go on until {@code blocker} is satisfied; returns when the model satisfied
   * it and the scheduler gave {@code me} the turn, with why the wait ended. A thread already
   * interrupted is woken by that at once, as an interrupt while blocked would wake it: so the
   * order of an interrupt and the step that blocks does not matter, and the step need not name
   * the interrupt status.
   */
  WakeReason block(ControlledThread me, Blocker blocker) {
    if (me.thread.isInterrupted()) blocker = blocker.interrupted(me);
    me.blocker = blocker;
    me.wakeReason = WakeReason.NONE;
    me.nextObject = blocker.stepObject();
    me.nextKind = StepKind.SYNC;
    switchFrom(me);
    return me.wakeReason;
  }

  private void switchFrom(ControlledThread me) {
    checkAborted();
    me.fieldAccessesSincePoint = 0;
    if (++steps > maxSteps) {
      fail(new Livelock(maxSteps, me.ref(), StackFrames.ofTheProgram(me.thread.getStackTrace())));
      throw new ExecutionAborted();
    }
    ControlledThread next = chooseNext(me);
    if (next == me) return;
    if (next != null) handOff(next);
    awaitTurn(me);
    checkAborted();
  }

  /**
   * {@code me} will not run again: hands the turn on without waiting. Its last step ended it
   * (synchronizing on the thread itself, as a join of it does); from now on it has no next step.
   */
  void finish(ControlledThread me) {
    if (!me.finished && !me.daemon) liveNonDaemon--;
    me.finished = true;
    me.blocker = null;
    me.nextObject = NextSteps.NO_OBJECT;
    me.nextKind = StepKind.LOCAL;
    if (!aborting) trace.threadEnded(me);
    if (aborting) return;
    ControlledThread next = chooseNext(null);
    if (next != null) handOff(next);
  }

  /**
   * {@code ct} was adopted but never ran (its start failed): it ends where it is, with no step;
   * the caller holds the turn and keeps it.
   */
  void neverStarted(ControlledThread ct) {
    if (!ct.finished && !ct.daemon) liveNonDaemon--;
    ct.finished = true;
    ct.blocker = null;
    ct.nextObject = NextSteps.NO_OBJECT;
    ct.nextKind = StepKind.LOCAL;
  }

  /** Whether the body (T0) has returned. */
  boolean bodyReturned() {
    return threads.get(0).finished;
  }

  /**
   * Whether the program is over: like the JVM, once every non-daemon thread has ended, whatever
   * daemon threads still do. An executor's worker that waits for a task counts as ended: the
   * program left the executor running, and nothing it does could give the worker work. It ends
   * only once no common-pool worker can run ({@link #aCommonPoolWorkerCanRun}).
   */
  private boolean programOver() {
    if (liveNonDaemon > 0) {
      if (!bodyReturned()) return false;
      for (ControlledThread t : threads) {
        if (t.finished || t.daemon) continue;
        if (t.isEnabled() || !t.waitsForATask()) return false;
      }
    }
    return !usedCommonPool || !aCommonPoolWorkerCanRun();
  }

  /**
   * Whether a common-pool worker can still run. Such a worker is a daemon thread, but the shared
   * pool outlives the execution, so the execution may end only where every worker can be released
   * unharmed: blocked, parked for work or waiting inside a task. One that can run may be in the
   * middle of the pool's own bookkeeping (JDK 25 spins in {@code ForkJoinPool.deactivate} after
   * the worker has put itself on the pool's idle stack); unwinding it there kills it where the
   * pool cannot recover, so that the tasks of later executions never run.
   */
  private boolean aCommonPoolWorkerCanRun() {
    for (ControlledThread t : threads) {
      if (t.isEnabled() && PoolWorkers.isCommonPoolWorker(t.thread)) return true;
    }
    return false;
  }

  private ControlledThread chooseNext(ControlledThread me) {
    while (true) {
      int count = collectEnabled();
      if (programOver()) {
        over.countDown();
        return null;
      }
      if (count > 0) {
        int current = me != null && me.isEnabled() ? me.id : -1;
        int chosen;
        if (pendingRace != null) {
          chosen = afterRace(count, current);
        } else {
          try {
            chosen = strategy.pickThread(enabled, count, current);
          } catch (RuntimeException e) {
            strategyFailed(e);
            return null;
          }
        }
        ControlledThread next = threads.get(chosen);
        wake(next);
        return next;
      }
      if (virtualClock.fireEarliestTimeout(threads)) continue;
      if (outsideUnparks.awaitBeforeDeadlock(this)) continue;
      // Some non-daemon thread has not ended and never can: the JVM would wait for it forever.
      trace.deadlocked(threads);
      fail(DeadlockFinding.of(this));
      return null;
    }
  }

  private int collectEnabled() {
    outsideUnparks.apply();
    int n = threads.size();
    if (enabled.length < n) enabled = new int[Math.max(n, enabled.length * 2)];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (threads.get(i).isEnabled()) enabled[count++] = i;
    }
    return count;
  }

  /**
   * After a pending race: the running thread goes on, unless it spins (it waits for another
   * thread), then the next one in id order. No preemption is added to what the schedule did.
   */
  private int afterRace(int count, int current) {
    int spinner = lastSpinner;
    lastSpinner = -1;
    if (current < 0) return enabled[0];
    if (current != spinner) return current;
    for (int i = 0; i < count; i++) {
      if (enabled[i] > current) return enabled[i];
    }
    return enabled[0];
  }

  /** Performs what a chosen blocked thread was waiting for. */
  private static void wake(ControlledThread t) {
    Blocker blocker = t.blocker;
    if (blocker == null) return;
    t.wakeReason = blocker.wake(t);
    t.blocker = null;
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

  /**
   * A choice the code under test asks of the schedule (a scenario drawn once per execution), in
   * {@code [0, bound)}. It is a recorded decision like a thread switch, so a replay draws the same.
   */
  int choose(int bound) {
    return bound <= 1 ? 0 : pickInt(bound);
  }

  /** A recorded decision in {@code [0, bound)} that is not a thread switch. */
  int pickInt(int bound) {
    if (pendingRace != null) return 0;
    try {
      return strategy.pickInt(bound);
    } catch (RuntimeException e) {
      strategyFailed(e);
      throw new ExecutionAborted();
    }
  }

  // ---- failures and the end --------------------------------------------------------------------

  /**
   * A data race was found. Exploring, it ends the execution like any failure. In the traced run
   * behind a report the execution goes on, so that the report can also say what the race broke
   * (an assertion, an exception, a deadlock); later races are not reported again.
   */
  void raceFound(DataRace race) {
    if (!trace.on()) {
      fail(race);
      throw new ExecutionAborted();
    }
    if (pendingRace == null) pendingRace = race;
  }

  /** Records the first failure and ends the execution. */
  void fail(FailureDetails f) {
    if (failure == null) failure = f;
    aborting = true;
    over.countDown();
  }

  private void strategyFailed(RuntimeException e) {
    if (strategyError == null) strategyError = e;
    fail(new LostControl.StrategyFailed(e));
  }

  /** Called by the coordinator once the execution is over: unwinds every thread still alive. */
  void abortAll() {
    aborting = true;
    for (ControlledThread t : threads) {
      if (t.finished) continue;
      if (t.realWaitLock != null) {
        t.thread.interrupt();
      } else {
        LockSupport.unpark(t.thread);
      }
    }
  }

  /** The strategy's view of {@link ControlledThread#nextObject} and {@code nextKind}. */
  private final class NextStepsView implements NextSteps {
    @Override
    public int objectOf(int thread) {
      ControlledThread t = threads.get(thread);
      ControlledThread target = t.interruptTarget;
      if (target != null && target.blocker instanceof ObjectWait w) return w.stepObject();
      return t.nextObject;
    }

    @Override
    public StepKind kindOf(int thread) {
      ControlledThread t = threads.get(thread);
      ControlledThread target = t.interruptTarget;
      if (target != null && target.blocker instanceof ObjectWait) return StepKind.SYNC;
      return t.nextKind;
    }
  }
}
