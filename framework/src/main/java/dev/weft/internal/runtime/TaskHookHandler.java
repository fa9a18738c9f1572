package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.Hooks;
import dev.weft.boot.TaskHooks;

/**
 * Task boundaries in pools and futures: happens-before through the shared clock ({@link
 * MemoryAccesses}), and where each task was submitted, for race reports.
 */
final class TaskHookHandler implements TaskHooks {

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
      me.execution.memory().sharedSynchronization(me, false);
      StackTraceElement previous = me.taskOrigin;
      CollectionRaces races = me.execution.collectionRaces();
      StackTraceElement origin = races == null ? null : races.taskOrigin(task);
      if (origin != null) me.taskOrigin = origin;
      return previous;
    } finally {
      leave(me);
    }
  }

  /**
   * The result a task computed is published inside library code right after the task's last
   * application step (FutureTask.set, a CompletableFuture's completion, a ForkJoinTask's status),
   * and a pool worker then takes its next task from the queue. Without a point here all of that
   * would belong to the task's last step, which names an application object: a step that touches
   * a second shared object between two scheduling points. Here it becomes a step of its own,
   * on the library object.
   *
   * <p>It is also an edge through the shared clock, both ways: the thread that completes a task
   * learns what the tasks it waited for did, and whoever it wakes learns it too. A parallel
   * stream's root completes on the worker that finished the last subtask, after the other
   * subtasks' workers only decremented a pending count (JDK code, no hook): without this edge the
   * caller woken by that worker knew nothing of the other subtasks, and a write after the stream
   * was reported as racing with the stream's reads on another worker.
   */
  @Override
  public void resultPublishing() {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (me.execution.aborting()) return;
      // Not inside a class initializer: JDK 25's BigDecimal initializer runs BigInteger's
      // ForkJoinTask inline, and a switch there leaves the next thread blocked on the class.
      if (!ClassLoadingFrames.callerInitializesAClass()) {
        me.execution.memory().librarySchedulingPoint(me, false);
      }
      me.execution.memory().sharedSynchronization(me, true);
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
      me.execution.memory().sharedSynchronization(me, true);
      if (restore != Hooks.SAME_TASK) me.taskOrigin = (StackTraceElement) restore;
    } finally {
      leave(me);
    }
  }
}
