package dev.weft.internal.runtime;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Recognizes the workers of the shared common pool, which outlive executions: they are released
 * at the end of one execution and adopted again by the next instead of being unwound.
 */
final class PoolWorkers {
  private PoolWorkers() {}

  /** Weft's own code: a thread parked with such a frame on its stack waits for its turn. */
  private static final String RUNTIME_PACKAGE = "dev.weft.internal.";

  static boolean isCommonPoolWorker(Thread thread) {
    return thread instanceof ForkJoinWorkerThread worker
        && worker.getPool() == ForkJoinPool.commonPool();
  }

  /** A common-pool worker really parked (waiting for work, not yet adopted). */
  static boolean isParkedCommonPoolWorker(Thread thread) {
    if (!isCommonPoolWorker(thread)) return false;
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  /**
   * A common-pool worker parked in the pool's own wait for work, not in a wait of Weft's (its
   * turn): parked, with no frame of Weft's runtime on its stack.
   */
  static boolean isParkedForWork(Thread thread) {
    if (!isParkedCommonPoolWorker(thread)) return false;
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith(RUNTIME_PACKAGE)) return false;
    }
    // Still parked: the stack was not taken while it woke and ran on.
    return isParkedCommonPoolWorker(thread);
  }

  /**
   * Called by the worker itself: true when it is waiting for work rather than running a task (a
   * task absorbs an unwinding exception; the worker's own loop would die of it).
   */
  static boolean isIdleCommonPoolWorker(Thread thread) {
    if (thread != Thread.currentThread() || !isCommonPoolWorker(thread)) return false;
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getMethodName().equals("doExec")
          && frame.getClassName().equals("java.util.concurrent.ForkJoinTask")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Called by the thread itself as it parks: true when it is a fork-join worker looking for work
   * (in {@code awaitWork}, not inside a task). Its timeout is the pool's keep-alive, after which
   * the pool retires an idle worker by real time, not an event of the program.
   */
  static boolean isForkJoinWorkerLookingForWork(Thread current) {
    return current instanceof ForkJoinWorkerThread
        && StackWalker.getInstance().walk(frames -> frames.noneMatch(PoolWorkers::isTaskBody));
  }

  private static boolean isTaskBody(StackWalker.StackFrame frame) {
    return frame.getMethodName().equals("doExec")
        && frame.getClassName().equals("java.util.concurrent.ForkJoinTask");
  }

  /**
   * Whether {@code thread} (parked) is a pool's worker waiting for its next task rather than inside
   * one: a {@code ThreadPoolExecutor}'s in {@code getTask}, a fork-join worker outside {@code
   * doExec}.
   */
  static boolean waitsForTask(Thread thread) {
    boolean forkJoin = thread instanceof ForkJoinWorkerThread;
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getMethodName().equals("getTask")
          && frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")) {
        return true;
      }
      if (frame.getMethodName().equals("runWorker")) return forkJoin;
      if (forkJoin && frame.getMethodName().equals("doExec")
          && frame.getClassName().equals("java.util.concurrent.ForkJoinTask")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether some common-pool worker is outside the execution: it may be finishing a task that a
   * controlled thread waits for (its state alone does not tell, it may be between steps).
   */
  static boolean anyCommonPoolWorkerOutside(java.util.Map<Thread, ?> controlled) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (isCommonPoolWorker(t) && !controlled.containsKey(t)) {
        return true;
      }
    }
    return false;
  }
}
