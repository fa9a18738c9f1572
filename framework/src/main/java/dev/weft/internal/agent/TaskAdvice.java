package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on the places where pool threads take and finish tasks. Submission and task start are
 * ordered by the pool's internal locks, which Weft does not model one by one; these boundaries
 * give the race detector the happens-before edges "submit before task" and "task before get".
 */
final class TaskAdvice {
  private TaskAdvice() {}

  /** FutureTask.run and ForkJoinTask.doExec: the task's body. */
  static final class Body {
    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object task) {
      return Hooks.taskStarts(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object restore) {
      Hooks.taskEnds(restore);
    }
  }

  /** ThreadPoolExecutor.getTask: a worker received a task from the queue. */
  static final class Taken {
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Return Object task) {
      Hooks.taskStarts(task);
    }
  }

  /**
   * Constructors of FutureTask and ForkJoinTask (every CompletableFuture async step and stream
   * task is one), and ThreadPoolExecutor.execute for a plain Runnable: where the task came from.
   */
  static final class Created {
    @Advice.OnMethodExit
    static void exit(@Advice.This Object task) {
      Hooks.taskCreated(task);
    }
  }

  static final class Submitted {
    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object task) {
      Hooks.taskCreated(task);
    }
  }

  /**
   * ThreadPoolExecutor.afterExecute (a plain Runnable given to execute() finished) and
   * CompletableFuture.postComplete (a future completed: its dependents and joiners follow).
   */
  static final class Finished {
    @Advice.OnMethodEnter
    static void enter() {
      Hooks.taskEnds(Hooks.SAME_TASK);
      Hooks.resultPublishing();
    }
  }

  /**
   * Where a task's result is published: FutureTask.set and setException, a CompletableFuture's
   * completion (completeValue, completeNull, completeThrowable, completeRelay,
   * internalComplete), ForkJoinTask.setDone and trySetException.
   */
  static final class Publishing {
    @Advice.OnMethodEnter
    static void enter() {
      Hooks.resultPublishing();
    }
  }
}
