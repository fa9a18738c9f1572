package dev.weft.internal.runtime;

/**
 * A thread under Weft's control within one execution. All fields but {@link #turn} are touched only
 * by the thread that currently holds the turn, so they need no synchronization; the hand-off through
 * the volatile {@code turn} orders them.
 */
final class ControlledThread {
  final int id;
  final Thread thread;
  final Execution execution;

  /** Set by the thread that hands the turn over; consumed by this thread. */
  volatile boolean turn;

  ThreadState state = ThreadState.RUNNABLE;
  BlockKind blockKind = BlockKind.NONE;
  /** The monitor, wait object, park blocker or joined thread's {@code ControlledThread}. */
  Object blockObject;
  /** Virtual-time deadline of a timed wait, or -1. */
  long deadline = -1;
  /** Monitor recursion count to restore when a MONITOR block is satisfied. */
  int reacquireCount;
  int blockSite = -1;
  WakeReason wakeReason = WakeReason.NONE;
  boolean permit;

  /** Inside Weft's own code: hooks reached from there behave like the original operation. */
  boolean inRuntime;
  /** Depth of class initializers on the stack: no scheduling points inside them. */
  int classInitDepth;
  /** The thread has terminated (or was released): its hooks no longer reach the model. */
  boolean released;
  /** Object whose real monitor this thread waits on (inside {@code Object.wait}), or null. */
  Object realWaitLock;

  /** Nesting of tracked collection operations (HashSet.add runs HashMap.put). */
  int collectionDepth;
  /** The call application code announced and no hook has claimed yet. */
  final AnnouncedCall announced = new AnnouncedCall();
  /** Monitors this thread owns in the model. */
  int monitorsHeld;
  /**
   * java.util.concurrent locks the application code of this thread holds (reentrant holds
   * counted), in the order taken; null until the first one.
   */
  java.util.ArrayList<HeldLock> heldLocks;
  /** The monitors and locks held, for reports; null when it must be rebuilt. */
  LockSet lockSet;
  /** Nesting of ConcurrentHashMap operations (compute calling back into the map). */
  int concurrentMapDepth;
  /** First application frame of the code that started this thread, or null. */
  StackTraceElement createdAt;
  /** For a pool thread: where the task it runs now was submitted, or null. */
  StackTraceElement taskOrigin;

  int lastSite = Integer.MIN_VALUE;
  int lastVolatileField = -1;
  int repeats;

  ControlledThread(int id, Thread thread, Execution execution) {
    this.id = id;
    this.thread = thread;
    this.execution = execution;
  }

  /** {@code T1 (worker-1)}. */
  String displayName() {
    return "T" + id + " (" + thread.getName() + ")";
  }

  void block(BlockKind kind, Object on, long deadline, int site) {
    state = ThreadState.BLOCKED;
    blockKind = kind;
    blockObject = on;
    this.deadline = deadline;
    blockSite = site;
    wakeReason = WakeReason.NONE;
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
