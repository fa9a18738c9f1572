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
    static void enter() {
      Hooks.taskStarts();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
      Hooks.taskEnds();
    }
  }

  /** ThreadPoolExecutor.getTask: a worker received a task from the queue. */
  static final class Taken {
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
      Hooks.taskStarts();
    }
  }

  /**
   * ThreadPoolExecutor.afterExecute (a plain Runnable given to execute() finished) and
   * CompletableFuture.postComplete (a future completed: its dependents and joiners follow).
   */
  static final class Finished {
    @Advice.OnMethodEnter
    static void enter() {
      Hooks.taskEnds();
    }
  }
}
