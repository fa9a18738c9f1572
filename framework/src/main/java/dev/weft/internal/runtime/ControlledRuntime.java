package dev.weft.internal.runtime;

import dev.weft.boot.CollectionHooks;
import dev.weft.boot.ExecutionAborted;
import dev.weft.boot.FieldHooks;
import dev.weft.boot.HookHandler;
import dev.weft.boot.Hooks;
import dev.weft.boot.LockHooks;
import dev.weft.boot.MemoryHooks;
import dev.weft.boot.MonitorHooks;
import dev.weft.boot.ParkingHooks;
import dev.weft.boot.TaskHooks;
import dev.weft.boot.ThreadHooks;
import dev.weft.boot.TimeHooks;
import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.TraceRow;
import dev.weft.internal.failure.Value;
import dev.weft.internal.failure.WaitEdge;
import dev.weft.scheduler.StepKind;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows which threads are controlled, and by which execution, and receives the hooks (one class
 * per family: {@link ThreadHookHandler}, {@link MonitorHookHandler}, ...). Threads that are not
 * under control, and Weft's own code, get the original behaviour: every hook first {@link #enter}s,
 * which says whether the caller is a controlled thread of a running execution outside the runtime.
 * One instance serves all explorations of the JVM: each thread belongs to at most one execution.
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

  private final ThreadHooks threads = new ThreadHookHandler();
  private final MonitorHooks monitors = new MonitorHookHandler();
  private final ParkingHooks parking = new ParkingHookHandler();
  private final TimeHooks time = new TimeHookHandler();
  private final MemoryHooks memory = new MemoryHookHandler();
  private final TaskHooks tasks = new TaskHookHandler();
  private final CollectionHooks collections = new CollectionHookHandler();
  private final LockHooks locks = new LockHookHandler();
  private final FieldHooks fields = new FieldHookHandler();

  private ControlledRuntime() {}

  /** Routes the hooks here; idempotent. */
  public static synchronized void activate() {
    if (Hooks.handler() != INSTANCE) {
      // No class may load in the middle of a hooked operation (see HookPathClasses).
      HookPathClasses.loadAll();
      MonitorState monitor = new MonitorState(0);
      Object[] warmUp = {WakeReason.NONE, StepKind.LOCAL, monitor,
          new MonitorEnter(monitor, monitor, 1, -1, WakeReason.NONE),
          new ObjectWait(monitor, monitor, 1, -1, -1), Join.class,
          new Park(null, -1, WakeReason.NONE), new StepObjects().of(monitor),
          ExecutionAborted.class, StackFrames.class, DeadlockFinding.class,
          ConcurrentLocks.identify(new Object(), 0), ConcurrentLocks.Identity.class,
          TakenLock.class, ObjectId.of(monitor), LockRef.class, HeldLock.class, Value.class,
          TraceEvent.class.getPermittedSubclasses(), Trace.class, TraceRow.class,
          Awaited.class.getPermittedSubclasses(), WaitEdge.Holder.class, Blocker.Awaiting.class,
          RaceFinding.class, ExceptionFinding.class, ControlledThread.class, Execution.class};
      if (warmUp.length > 0) Hooks.install(INSTANCE);
    }
  }

  @Override
  public ThreadHooks threads() {
    return threads;
  }

  @Override
  public MonitorHooks monitors() {
    return monitors;
  }

  @Override
  public ParkingHooks parking() {
    return parking;
  }

  @Override
  public TimeHooks time() {
    return time;
  }

  @Override
  public MemoryHooks memory() {
    return memory;
  }

  @Override
  public TaskHooks tasks() {
    return tasks;
  }

  @Override
  public CollectionHooks collections() {
    return collections;
  }

  @Override
  public LockHooks locks() {
    return locks;
  }

  @Override
  public FieldHooks fields() {
    return fields;
  }

  // ---- which threads are controlled ------------------------------------------------------------

  /**
   * Makes {@code thread} a controlled thread of {@code execution} before it starts; {@code
   * daemon}: whether the program treats it as a daemon thread.
   */
  static ControlledThread adopt(Execution execution, Thread thread, ControlledThread parent,
      boolean daemon) {
    ControlledThread ct = execution.register(thread, parent, daemon);
    CONTROLLED.put(thread, ct);
    PENDING.put(thread, ct);
    return ct;
  }

  /**
   * {@code thread} was adopted but its start failed, so it will never check in: it leaves the
   * pending threads and ends in the model without a step of its own.
   */
  static void abandonUnstarted(Execution execution, Thread thread) {
    ControlledThread ct = PENDING.remove(thread);
    if (ct == null || ct.execution != execution) return;
    ct.released = true;
    execution.neverStarted(ct);
  }

  /** Forgets the threads of a finished execution. */
  static void forget(Execution execution) {
    CONTROLLED.values().removeIf(ct -> ct.execution == execution);
    PENDING.values().removeIf(ct -> ct.execution == execution);
    DaemonThreads.forget(execution);
  }

  /** The caller's cached controlled state, without recovery; for hooks too hot to recover. */
  static ControlledThread cached() {
    return CURRENT.get();
  }

  /** The caller's controlled state, recovered if the JDK erased its thread-locals; or null. */
  static ControlledThread recovered() {
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
   * Whether the calling thread is a controlled thread of a running execution (that has not ended
   * for it): what it prints belongs to that execution.
   */
  public static boolean callerIsControlled() {
    if (CONTROLLED.isEmpty()) return false;
    ControlledThread ct = recovered();
    return ct != null && !ct.released;
  }

  /** Whether {@code thread} was adopted and has not checked in yet. */
  static boolean isPending(Thread thread) {
    return !PENDING.isEmpty() && PENDING.containsKey(thread);
  }

  /** Whether threads were adopted that have not checked in yet. */
  static boolean anyPending() {
    return !PENDING.isEmpty();
  }

  /**
   * The caller's controlled state with the runtime guard taken, or null when the caller must get
   * the original behaviour. A thread met here for the first time checks in and waits for its turn.
   */
  static ControlledThread enter() {
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

  static void leave(ControlledThread ct) {
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
  public static <R> R withoutControl(java.util.function.Supplier<R> action) {
    ControlledThread me = recovered();
    if (me == null) return action.get();
    me.classInitDepth++;
    try {
      return action.get();
    } finally {
      me.classInitDepth--;
    }
  }

  /**
   * Turns the calling thread's hooks off while Weft's own class-file transformer instruments a
   * class it loads: as inside a class initializer, nothing the transformer runs is the program's.
   * It runs library code that other agents may have instrumented too (an inline mock maker's
   * dispatcher behind {@code Object.equals}), and a scheduling point taken there would exist only
   * in the execution that loaded the class, so its replays would take another path. Returns the
   * token for {@link #endInstrumenting}; not {@code withoutControl}'s lambda, since a lambda's
   * class would be defined inside the transformer on first use.
   */
  public static Object beginInstrumenting() {
    ControlledThread me = CURRENT.get();
    if (me != null) me.classInitDepth++;
    return me;
  }

  /** Ends {@link #beginInstrumenting} with its token. */
  public static void endInstrumenting(Object token) {
    if (token instanceof ControlledThread me) me.classInitDepth--;
  }

  /** The body threw on T0. */
  static void bodyFailed(ControlledThread t0, Throwable error) {
    t0.inRuntime = true;
    t0.execution.trace().threw(t0, error);
    t0.execution.fail(ExceptionFinding.of(t0, error));
  }

  /** The body returned on T0: the execution ends once the other threads finish or block. */
  static void bodyFinished(ControlledThread t0) {
    t0.inRuntime = true;
    t0.released = true;
    if (!t0.execution.aborting()) t0.execution.finish(t0);
  }

  // ---- common-pool workers, which outlive executions -------------------------------------------

  /**
   * Ends an execution for a common-pool worker that waits for work: unwinding it with an exception
   * would kill it outside any task and leave the shared pool short of a worker for good. It is
   * released instead: the park returns (a permitted spurious wake-up), the pool parks it again for
   * real, and a later execution adopts it when controlled code wakes it (see {@link
   * #adoptParkedWorker}).
   */
  static boolean releaseIdleWorkerOrRethrow(ControlledThread me, ExecutionAborted aborted) {
    if (me == null || !PoolWorkers.isIdleCommonPoolWorker(me.thread)) throw aborted;
    me.released = true;
    return true;
  }

  /**
   * A parked pool worker from outside this execution is about to run controlled work: it joins
   * the execution here, at a point the schedule decides, and checks in as soon as its real park
   * returns.
   */
  static void adoptParkedWorker(ControlledThread me, Thread thread) {
    if (PoolWorkers.isParkedCommonPoolWorker(thread) && !CONTROLLED.containsKey(thread)) {
      adopt(me.execution, thread, me, thread.isDaemon());
    }
  }

  /**
   * A thread outside the execution (a pool worker busy with work of its own when the execution
   * began) unparks a controlled thread: the model must learn it, or that thread would look
   * deadlocked. The real unpark still happens, so nothing is lost either way. Weft's own unparks
   * that hand the turn over are not the program's: the coordinator's (the first turn, the abort)
   * and those of a thread of the execution that already ended for the model (the body after it
   * returned, a thread as it exits). Taken for the program's, they gave the next thread a permit
   * at whichever step the unpark's hook happened to come, by real time, and a park in a later step
   * returned or blocked from one run of a schedule to the next.
   */
  static void noteUnparkFromOutside(Thread thread) {
    if (CONTROLLED.isEmpty()) return;
    ControlledThread target = CONTROLLED.get(thread);
    if (target == null || target.released) return;
    ControlledThread caller = recovered();
    // A controlled caller in its own hooks is handled by the model; a released worker of an
    // earlier execution is outside.
    if (caller != null && (!caller.released || caller.execution == target.execution)) return;
    if (target.execution.isCoordinator(Thread.currentThread())) return;
    target.execution.outsideUnparks().add(target);
  }
}
