package dev.weft.internal.runtime;

import dev.weft.boot.ExecutionAborted;
import dev.weft.boot.HookHandler;
import dev.weft.boot.Hooks;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.agent.SynchronizedJdkMethods;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Receives every hook and routes it to the execution of the calling thread. Threads that are not
 * under control, and Weft's own code, get the original behaviour. One instance serves all
 * explorations of the JVM: each thread belongs to at most one execution.
 */
public final class ControlledRuntime implements HookHandler {
  private static final ControlledRuntime INSTANCE = new ControlledRuntime();
  private static final ThreadLocal<ControlledThread> CURRENT = new ThreadLocal<>();
  /** Threads started by controlled code that have not reached their first hook yet. */
  private static final ConcurrentHashMap<Thread, ControlledThread> PENDING =
      new ConcurrentHashMap<>();

  /**
   * Every thread of the running execution. The thread-local above is only a cache: the JDK erases
   * the thread-locals of ForkJoinPool workers between tasks, so identity must not depend on it.
   */
  private static final ConcurrentHashMap<Thread, ControlledThread> CONTROLLED =
      new ConcurrentHashMap<>();

  private ControlledRuntime() {}

  /** Routes the hooks here; idempotent. */
  public static synchronized void activate() {
    if (Hooks.handler() != INSTANCE) {
      // Touch what the hook path needs so no class loads in the middle of a hooked operation.
      Object[] warmUp = {ThreadState.RUNNABLE, BlockKind.NONE, WakeReason.NONE,
          new MonitorState(), ExecutionAborted.class, StackRendering.class, DeadlockReport.class,
          LockSet.NONE, ConcurrentLocks.identify(new Object(), 0), ConcurrentLocks.Identity.class,
          HeldLock.class};
      if (warmUp.length > 0) Hooks.install(INSTANCE);
    }
  }

  /** Makes {@code thread} a controlled thread of {@code execution} before it starts. */
  static ControlledThread adopt(Execution execution, Thread thread, ControlledThread parent) {
    ControlledThread ct = execution.register(thread, parent);
    CONTROLLED.put(thread, ct);
    PENDING.put(thread, ct);
    return ct;
  }

  /** Forgets the threads of a finished execution. */
  static void forget(Execution execution) {
    CONTROLLED.values().removeIf(ct -> ct.execution == execution);
    PENDING.values().removeIf(ct -> ct.execution == execution);
  }

  /** The caller's controlled state, recovered if the JDK erased its thread-locals; or null. */
  private static ControlledThread recovered() {
    ControlledThread ct = CURRENT.get();
    if ((ct != null && !ct.released) || CONTROLLED.isEmpty()) return ct;
    Thread thread = Thread.currentThread();
    if (PENDING.containsKey(thread)) return null;
    ControlledThread known = CONTROLLED.get(thread);
    if (known == null) return ct;
    CURRENT.set(known);
    return known;
  }

  /**
   * The caller's controlled state with the runtime guard taken, or null when the caller must get
   * the original behaviour. A thread met here for the first time checks in and waits for its turn.
   */
  private static ControlledThread enter() {
    ControlledThread ct = recovered();
    if (ct == null || ct.released) {
      // A new thread, or a pool worker released by an earlier execution and adopted again.
      ControlledThread pending = PENDING.isEmpty() ? null : PENDING.remove(Thread.currentThread());
      if (pending == null) return null;
      CURRENT.set(pending);
      pending.inRuntime = true;
      pending.execution.awaitTurn(pending);
      pending.execution.checkAborted();
      return pending;
    }
    if (ct.inRuntime || ct.released || ct.classInitDepth > 0) return null;
    ct.inRuntime = true;
    return ct;
  }

  private static void leave(ControlledThread ct) {
    ct.inRuntime = false;
  }

  /** Runs {@code body} as the controlled thread T0 of {@code execution}; see {@code Explorer}. */
  static ControlledThread current() {
    return recovered();
  }

  /**
   * A recorded choice in {@code [0, bound)} for the calling controlled thread's execution (see
   * {@link Execution#choose}).
   *
   * @throws IllegalStateException when the caller is not a thread of a running execution
   */
  public static int choose(int bound) {
    if (bound < 1) throw new IllegalArgumentException("bound must be at least 1, was " + bound);
    ControlledThread me = enter();
    if (me == null) {
      throw new IllegalStateException("not inside a Weft execution: call this from the body of"
          + " @RaceTest or Weft.explore");
    }
    try {
      me.execution.checkAborted();
      return me.execution.choose(bound);
    } finally {
      leave(me);
    }
  }

  /**
   * Runs {@code action} on the calling thread with its hooks off, as inside a class initializer:
   * everything it does gets the original behaviour, takes no scheduling point and is not checked
   * for races. For Weft's own work on a controlled thread that is no part of the program under
   * test, such as the linearizability checker calling a sequential model thousands of times. On
   * any other thread it just runs {@code action}.
   */
  public static <R> R withoutControl(Supplier<R> action) {
    ControlledThread me = recovered();
    if (me == null) return action.get();
    me.classInitDepth++;
    try {
      return action.get();
    } finally {
      me.classInitDepth--;
    }
  }

  // ---- threads ---------------------------------------------------------------------------------

  @Override
  public void threadStarting(Thread child) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.checkAborted();
      if (child.getState() == Thread.State.NEW && me.execution.lookup(child) == null) {
        ControlledThread adopted = adopt(me.execution, child, me);
        adopted.createdAt = StackRendering.firstApplicationFrame(new Throwable().getStackTrace());
        me.execution.traceStarted(me, adopted);
      }
    } finally {
      leave(me);
    }
  }

  @Override
  public void threadStarted(Thread child) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.yieldPoint(me, false);
    } finally {
      leave(me);
    }
  }

  @Override
  public void threadRunBegins() {
    ControlledThread me = enter();
    if (me != null) leave(me);
  }

  @Override
  public void threadExiting() {
    ControlledThread me = recovered();
    if (me == null) {
      me = PENDING.isEmpty() ? null : enter();
      if (me == null) return;
    }
    if (me.released) return;
    me.inRuntime = true;
    me.released = true;
    if (!me.execution.aborting() && me.state != ThreadState.FINISHED) {
      me.execution.finish(me);
    }
  }

  @Override
  public boolean uncaughtException(Thread thread, Throwable error) {
    ControlledThread me = recovered();
    if (me == null || me.thread != thread) return false;
    if (error instanceof ExecutionAborted || me.execution.aborting()) return true;
    me.inRuntime = true;
    me.execution.traceThrow(me, error);
    me.execution.fail(ExceptionReport.describe(me, error));
    return true;
  }

  /** The body threw on T0. */
  static void bodyFailed(ControlledThread t0, Throwable error) {
    t0.inRuntime = true;
    t0.execution.traceThrow(t0, error);
    t0.execution.fail(ExceptionReport.describe(t0, error));
  }

  /** The body returned on T0: the execution ends once the other threads finish or block. */
  static void bodyFinished(ControlledThread t0) {
    t0.inRuntime = true;
    t0.released = true;
    if (!t0.execution.aborting()) t0.execution.finish(t0);
  }

  @Override
  public void join(Thread target, long millis, int site) throws InterruptedException {
    ControlledThread me = enter();
    if (me == null) {
      target.join(millis);
      return;
    }
    ControlledThread other = me.execution.lookup(target);
    if (other == null) {
      leave(me);
      target.join(millis);
      return;
    }
    try {
      if (Thread.interrupted()) throw new InterruptedException();
      if (me.execution.join(me, other, millis, site) == WakeReason.INTERRUPTED) {
        Thread.interrupted();
        throw new InterruptedException();
      }
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean isAlive(Thread thread) {
    ControlledThread me = recovered();
    if (me != null && !me.released) {
      ControlledThread other = me.execution.lookup(thread);
      if (other != null) {
        boolean finished = other.state == ThreadState.FINISHED;
        if (finished) me.execution.observedFinished(me, other);
        return !finished;
      }
    }
    return thread.isAlive();
  }

  @Override
  public void interrupting(Thread target) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      ControlledThread other = me.execution.lookup(target);
      if (other != null) me.execution.interrupt(other);
    } finally {
      leave(me);
    }
  }

  @Override
  public void classInit(boolean entering) {
    ControlledThread me = recovered();
    if (me == null) return;
    me.classInitDepth += entering ? 1 : -1;
  }

  // ---- monitors --------------------------------------------------------------------------------

  @Override
  public void monitorEnter(Object lock, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.checkAborted();
      me.execution.monitorEnter(me, lock, applicationSite(me, site));
    } finally {
      leave(me);
    }
  }

  /**
   * A monitor taken inside the JDK on the application's behalf (a synchronizedMap's mutex) is
   * shown at the application's call, which is the line the user can act on.
   */
  private static int applicationSite(ControlledThread me, int site) {
    int announced = me.announced.siteOr(site);
    if (announced == site) return site;
    StackTraceElement where = SiteRegistry.location(site);
    return where != null && where.getClassName().startsWith("java.") ? announced : site;
  }

  @Override
  public void monitorExit(Object lock, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.monitorExit(me, lock);
    } finally {
      leave(me);
    }
  }

  // ---- java.util.concurrent locks ----------------------------------------------------------------

  @Override
  public void lockAcquired(Object lock, int mode, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.lockAcquired(me, lock, mode, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void lockReleased(Object lock, int mode, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.lockReleased(me, lock, mode, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void waitOn(Object lock, long millis, int site) throws InterruptedException {
    ControlledThread me = enter();
    if (me == null) {
      lock.wait(millis);
      return;
    }
    try {
      if (!Thread.holdsLock(lock)) {
        throw new IllegalMonitorStateException("current thread is not owner");
      }
      me.execution.checkAborted();
      if (Thread.interrupted()) throw new InterruptedException();
      if (me.execution.await(me, lock, millis, site) == WakeReason.INTERRUPTED) {
        Thread.interrupted();
        throw new InterruptedException();
      }
    } finally {
      leave(me);
    }
  }

  @Override
  public void notifyOn(Object lock, boolean all, int site) {
    ControlledThread me = enter();
    if (me == null) {
      if (all) {
        lock.notifyAll();
      } else {
        lock.notify();
      }
      return;
    }
    try {
      if (!Thread.holdsLock(lock)) {
        throw new IllegalMonitorStateException("current thread is not owner");
      }
      if (!me.execution.aborting()) me.execution.notify(me, lock, all);
    } finally {
      leave(me);
    }
  }

  // ---- parking ---------------------------------------------------------------------------------

  @Override
  public boolean park(Object blocker, long nanos, boolean timed) {
    ControlledThread me;
    try {
      me = enter();
    } catch (ExecutionAborted aborted) {
      return releaseIdleWorkerOrRethrow(recovered(), aborted);
    }
    if (me == null) return false;
    try {
      me.execution.checkAborted();
      me.execution.park(me, blocker, nanos, timed);
      return true;
    } catch (ExecutionAborted aborted) {
      return releaseIdleWorkerOrRethrow(me, aborted);
    } finally {
      leave(me);
    }
  }

  /**
   * Ends an execution for a common-pool worker that waits for work: unwinding it with an exception
   * would kill it outside any task and leave the shared pool short of a worker for good. It is
   * released instead: the park returns (a permitted spurious wake-up), the pool parks it again for
   * real, and a later execution adopts it when controlled code wakes it (see {@link #unpark}).
   */
  private static boolean releaseIdleWorkerOrRethrow(ControlledThread me, ExecutionAborted aborted) {
    if (me == null || !PoolWorkers.isIdleCommonPoolWorker(me.thread)) throw aborted;
    me.released = true;
    return true;
  }

  @Override
  public void parkReturned() {
    if (PENDING.isEmpty() || !PENDING.containsKey(Thread.currentThread())) return;
    try {
      ControlledThread me = enter();
      if (me != null) leave(me);
    } catch (ExecutionAborted aborted) {
      releaseIdleWorkerOrRethrow(recovered(), aborted);
    }
  }

  @Override
  public boolean unpark(Thread thread) {
    ControlledThread me = enter();
    if (me == null) {
      noteUnparkFromOutside(thread);
      return false;
    }
    try {
      if (me.execution.aborting()) return false;
      ControlledThread target = me.execution.lookup(thread);
      if (target == null) {
        // A parked pool worker from outside this execution is about to run controlled work:
        // it joins the execution here, at a point the schedule decides, and checks in as soon
        // as its real park returns.
        if (PoolWorkers.isParkedCommonPoolWorker(thread) && !CONTROLLED.containsKey(thread)) {
          adopt(me.execution, thread, me);
        }
        return false;
      }
      me.execution.unpark(me, target);
      return true;
    } finally {
      leave(me);
    }
  }

  /**
   * A thread outside the execution (a pool worker busy with work of its own when the execution
   * began) unparks a controlled thread: the model must learn it, or that thread would look
   * deadlocked. The real unpark still happens, so nothing is lost either way.
   */
  private static void noteUnparkFromOutside(Thread thread) {
    if (CONTROLLED.isEmpty()) return;
    ControlledThread caller = recovered();
    // A controlled caller in its own hooks is handled by the model; a released worker is outside.
    if (caller != null && !caller.released) return;
    ControlledThread target = CONTROLLED.get(thread);
    if (target != null && !target.released) target.execution.unparkedFromOutside(target);
  }

  // ---- time and spinning -----------------------------------------------------------------------

  @Override
  public void sleep(long nanos, int site) throws InterruptedException {
    ControlledThread me = enter();
    if (me == null) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
      return;
    }
    try {
      if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
      me.execution.sleep(me, nanos, me.spinningAt(site));
      if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
    } finally {
      leave(me);
    }
  }

  @Override
  public void yieldNow(int site) {
    spinPoint(site);
  }

  @Override
  public void spinWait(int site) {
    spinPoint(site);
  }

  private void spinPoint(int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.yieldPoint(me, true);
    } finally {
      leave(me);
    }
  }

  @Override
  public void volatileAccess(int fieldId, boolean write, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      boolean spinning = !write && me.spinningAt(site);
      me.execution.yieldPoint(me, spinning);
      me.execution.volatileAccess(me, fieldId, write, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void atomicAccess(int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.yieldPoint(me, me.spinningAt(site));
      me.execution.synchronizationCall(me, site);
      me.execution.sharedSynchronization(me, true);
    } finally {
      leave(me);
    }
  }

  @Override
  public void concurrencyCallReturned(int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.sharedSynchronization(me, false);
    } finally {
      leave(me);
    }
  }

  @Override
  public void taskCreated(Object task) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (me.execution.aborting()) return;
      // Submitted by the announced application call, or forked by a task that knows its origin.
      StackTraceElement submittedAt = me.announced.location();
      StackTraceElement origin = submittedAt != null ? submittedAt : me.taskOrigin;
      CollectionRaces races = me.execution.collectionRaces();
      if (races != null) races.taskCreated(task, origin);
    } finally {
      leave(me);
    }
  }

  @Override
  public Object taskStarts(Object task) {
    ControlledThread me = enter();
    if (me == null) return Hooks.SAME_TASK;
    try {
      if (me.execution.aborting()) return Hooks.SAME_TASK;
      me.execution.sharedSynchronization(me, false);
      StackTraceElement previous = me.taskOrigin;
      CollectionRaces races = me.execution.collectionRaces();
      StackTraceElement origin = races == null ? null : races.taskOrigin(task);
      if (origin != null) me.taskOrigin = origin;
      return previous;
    } finally {
      leave(me);
    }
  }

  @Override
  public void taskEnds(Object restore) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (me.execution.aborting()) return;
      me.execution.sharedSynchronization(me, true);
      if (restore != Hooks.SAME_TASK) me.taskOrigin = (StackTraceElement) restore;
    } finally {
      leave(me);
    }
  }

  @Override
  public void concurrentMapOperation(boolean starting, String method) {
    // Not enter(): its bookkeeping uses ConcurrentHashMaps, which would call back in here.
    ControlledThread me = CURRENT.get();
    if (me == null || me.inRuntime || me.released || me.classInitDepth > 0) return;
    me.inRuntime = true;
    try {
      if (me.execution.aborting()) return;
      if (starting) {
        if (me.concurrentMapDepth++ == 0 && needsSchedulingPoint(me, method)) {
          me.execution.yieldPoint(me, false);
          me.execution.sharedSynchronization(me, true);
        }
      } else if (--me.concurrentMapDepth == 0) {
        me.execution.sharedSynchronization(me, false);
      }
    } finally {
      leave(me);
    }
  }

  /**
   * Whether a ConcurrentHashMap operation needs its own scheduling point: yes when application
   * code calls it through a plain Map; no when its call site already is one, or the JDK calls it.
   */
  private static boolean needsSchedulingPoint(ControlledThread me, String method) {
    Boolean announced = me.announced.claimForConcurrentMap(method);
    return announced != null ? announced : CollectionOperations.concurrentMapCalledByApplication();
  }

  // ---- collections -----------------------------------------------------------------------------

  @Override
  public void collectionCall(int site, String method, boolean concurrencyLibrary) {
    // Not enter(): this runs before every collection call and only leaves a note for the hook.
    ControlledThread me = CURRENT.get();
    if (me == null) return;
    me.announced.announce(site, method, concurrencyLibrary);
  }

  @Override
  public void collectionCallDone() {
    ControlledThread me = CURRENT.get();
    if (me != null) me.announced.forget();
  }

  @Override
  public void collectionCreated(Object instance) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return;
      // Not claimed: collections the constructor creates inside were created on that line too.
      StackTraceElement caller = me.announced.constructorLocation();
      races.collectionCreated(instance, caller);
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean collectionEnter(Object instance, String method, Object argument) {
    ControlledThread me = enter();
    if (me == null) return false;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return false;
      String operation = CollectionOperations.operationName(instance.getClass(), method);
      boolean tracked = races.accessBegins(me, instance, operation, method,
          CollectionOperations.kind(method), argument, me.collectionDepth == 0,
          me.announced.claimForCollection(method));
      if (tracked) me.collectionDepth++;
      return tracked;
    } finally {
      leave(me);
    }
  }

  @Override
  public Object iterationStep(Object view, String method) {
    ControlledThread me = enter();
    if (me == null) return null;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return null;
      Object owner = ViewOwners.ownerOf(view);
      if (owner == null) return null;
      String operation = CollectionOperations.viewOperation(owner, view.getClass(), method);
      boolean tracked = races.accessBegins(me, owner, operation, method,
          CollectionOperations.kind(method), RaceReport.NO_ARGUMENT, me.collectionDepth == 0,
          me.announced.claimForCollection(method));
      if (!tracked) return null;
      me.collectionDepth++;
      return owner;
    } finally {
      leave(me);
    }
  }

  @Override
  public void collectionExit(Object instance) {
    ControlledThread me = recovered();
    if (me == null) return;
    me.collectionDepth--;
    if (me.inRuntime || me.released) return;
    me.inRuntime = true;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races != null) races.accessEnds(me, instance);
    } finally {
      leave(me);
    }
  }

  // ---- monitors of synchronized JDK methods, modelled at the application's call --------------

  @Override
  public Object synchronizedCallBegins(Object receiver, int signature, int site) {
    if (receiver == null) return null;
    // Inside enter(): the verdict's ClassValue is a WeakHashMap behind a JDK lock, whose hooks
    // must not run (one would claim the application's announced get and yield inside the lock).
    ControlledThread me = enter();
    if (me == null) return null;
    try {
      if (signature >= 0
          && !SynchronizedJdkMethods.resolvesToSynchronized(receiver.getClass(), signature)) {
        return null;
      }
      me.execution.checkAborted();
      me.execution.monitorEnter(me, receiver, site);
      return receiver;
    } finally {
      leave(me);
    }
  }

  @Override
  public void synchronizedCallEnds(Object token, int site) {
    monitorExit(token, site);
  }

  /**
   * Only an application's own class loader that is not parallel capable locks itself, and only
   * such locks take part in a deadlock of the application's; the JDK's loaders (the one behind
   * reflection among them) load classes once per JVM, and a scheduling point there would differ
   * between an execution and its replay. Neither hook lets a thread that has not checked in yet
   * do so here: it would wait for its first turn inside a class-loading lock.
   */
  @Override
  public void classLoadingLockEnter(Object lock, int site) {
    if (!isApplicationLoader(lock)) return;
    ControlledThread me = recovered();
    if (me == null || me.released) return;
    if (Thread.holdsLock(lock)) {
      MonitorState m = me.execution.existingMonitor(lock);
      // Taken by the JVM, unseen: leave it out of the model rather than yield while holding it.
      if (m == null || m.owner != me) return;
    }
    monitorEnter(lock, site);
  }

  @Override
  public void classLoadingLockExit(Object lock, int site) {
    if (!isApplicationLoader(lock)) return;
    ControlledThread me = recovered();
    if (me == null || me.released) return;
    monitorExit(lock, site);
  }

  private static boolean isApplicationLoader(Object lock) {
    return lock instanceof ClassLoader && !isJdkClass(lock.getClass());
  }

  private static boolean isJdkClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
