package dev.weft.internal.runtime;

import dev.weft.internal.failure.ThreadOrigin;
import dev.weft.internal.failure.ThreadRef;
import dev.weft.scheduler.NextSteps;
import dev.weft.scheduler.StepKind;

/**
 * A thread under Weft's control within one execution. All fields but {@link #turn} are touched only
 * by the thread that currently holds the turn, so they need no synchronization; the hand-off through
 * the volatile {@code turn} orders them.
 */
final class ControlledThread {
  final int id;
  final Thread thread;
  final Execution execution;
  /** This thread as the object of steps ({@link NextSteps}): its start, end, joins and permit. */
  final int stepObject;
  /**
   * A daemon thread in the program ({@link DaemonThreads}): the execution ends without waiting
   * for it, as the JVM exits without waiting for daemon threads.
   */
  final boolean daemon;

  // ---- the turn (Execution) --------------------------------------------------------------------

  /** Set by the thread that hands the turn over; consumed by this thread. */
  volatile boolean turn;
  /** Object whose real monitor this thread waits on (inside {@code Object.wait}), or null. */
  Object realWaitLock;
  /** What this thread waits for, or null while it can run (and once it finished). */
  Blocker blocker;
  /** Why its last block ended; read by the thread when it resumes. */
  WakeReason wakeReason = WakeReason.NONE;
  /** Ran to its end (or, for T0, the body returned). */
  boolean finished;
  /** The object of its next step, numbered per execution ({@link NextSteps#objectOf}). */
  int nextObject = NextSteps.NO_OBJECT;
  /** How its next step touches {@link #nextObject}. */
  StepKind nextKind = StepKind.LOCAL;

  // ---- the models ------------------------------------------------------------------------------

  /**
   * Stands for this thread's interrupt status as the object of steps: its interrupt, the reads
   * and clears of its status, and the checks its sleeps and waits make ({@link
   * Execution#interruptPoint}).
   */
  final Object interruptStatus = new Object();
  /** The thread this one interrupts at its next step, or null ({@link Execution#interruptPoint}). */
  ControlledThread interruptTarget;

  /** The park permit ({@link Blocking}). */
  boolean permit;
  /** Monitors and java.util.concurrent locks this thread holds ({@link LockBookkeeping}). */
  final HeldLocks locks = new HeldLocks();

  // ---- the runtime guard (ControlledRuntime) ---------------------------------------------------

  /** Inside Weft's own code: hooks reached from there behave like the original operation. */
  boolean inRuntime;
  /** Depth of class initializers on the stack: no scheduling points inside them. */
  int classInitDepth;
  /**
   * The virtual thread this thread is starting, while {@code VirtualThread.start} runs with the
   * hooks off ({@link ThreadHookHandler#threadStarting}); null otherwise.
   */
  Thread startingVirtual;
  /**
   * The thread has terminated (or was released): its hooks no longer reach the model. Volatile:
   * the coordinator waits for a released common-pool worker to set it.
   */
  volatile boolean released;

  // ---- collections and tasks, for race reports -------------------------------------------------

  /** Nesting of tracked collection operations (HashSet.add runs HashMap.put). */
  int collectionDepth;
  /** The call application code announced and no hook has claimed yet. */
  final AnnouncedCall announced = new AnnouncedCall();
  /** Nesting of ConcurrentHashMap operations (compute calling back into the map). */
  int concurrentMapDepth;
  /**
   * Nesting of JDK calls that run application code while holding a real lock the model does not
   * see, and the object whose lock that is ({@link UnseenJdkLocks}).
   */
  int unseenJdkLockDepth;
  Object unseenJdkLockOf;
  /** First application frame of the code that started this thread, or null. */
  StackTraceElement createdAt;
  /** For a pool thread: where the task it runs now was submitted, or null. */
  StackTraceElement taskOrigin;

  /** Plain field and element accesses since this thread's last scheduling point ({@link FieldRaces}). */
  int fieldAccessesSincePoint;

  // ---- spinning --------------------------------------------------------------------------------

  private int lastSite = Integer.MIN_VALUE;
  private int repeats;

  ControlledThread(int id, Thread thread, Execution execution, int stepObject, boolean daemon) {
    this.id = id;
    this.thread = thread;
    this.execution = execution;
    this.stepObject = stepObject;
    this.daemon = daemon;
  }

  /**
   * This thread as failures and traces name it, with the name it has now. A virtual thread has
   * no name unless the program gives it one: "T1 (virtual)" says more than "T1 ()".
   */
  ThreadRef ref() {
    String name = thread.getName();
    if (name.isEmpty() && VirtualThreads.isVirtual(thread)) name = "virtual";
    return new ThreadRef(id, name);
  }

  /**
   * Where this thread's work came from when it made an access: the test body, the task it ran
   * ({@code taskOrigin}, for a pool thread), or where it was started.
   */
  ThreadOrigin origin(StackTraceElement taskOrigin) {
    if (id == 0) return ThreadOrigin.TEST_BODY_ORIGIN;
    if (taskOrigin != null) return new ThreadOrigin(ThreadOrigin.How.TASK_SUBMITTED, taskOrigin);
    if (createdAt != null) return new ThreadOrigin(ThreadOrigin.How.STARTED, createdAt);
    return ThreadOrigin.UNKNOWN_ORIGIN;
  }

  boolean isBlocked() {
    return blocker != null;
  }

  /** Whether the scheduler may choose this thread now. */
  boolean isEnabled() {
    return !finished && (blocker == null || blocker.isEnabled(this));
  }

  /** The block {@link #waitsForATask} last looked at, and what it found. */
  private Blocker taskWaitChecked;
  private boolean taskWait;

  /**
   * Whether this thread is an executor's worker blocked waiting for its next task (looked up on
   * its stack once per block, only when the end of the execution depends on it).
   */
  boolean waitsForATask() {
    Blocker b = blocker;
    if (!(b instanceof Park)) return false;
    if (taskWaitChecked != b) {
      taskWaitChecked = b;
      taskWait = PoolWorkers.waitsForTask(thread);
    }
    return taskWait;
  }

  /** Counts consecutive scheduling points at the same place: a thread spinning in a loop. */
  boolean spinningAt(int site) {
    if (site == lastSite) {
      repeats++;
    } else {
      lastSite = site;
      repeats = 0;
    }
    return repeats >= 2;
  }
}
