package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;
import static dev.weft.internal.runtime.ControlledRuntime.recovered;

import dev.weft.boot.ExecutionAborted;
import dev.weft.boot.ThreadHooks;
import dev.weft.internal.failure.StackFrames;
import dev.weft.scheduler.StepKind;

/**
 * Threads of an execution: a thread started by a controlled thread is adopted before it starts
 * and waits for its first turn; its end hands the turn on; joins and interrupts go to {@link
 * Blocking}.
 */
final class ThreadHookHandler implements ThreadHooks {

  @Override
  public void threadCreated(Thread thread) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (VirtualThreads.isVirtual(thread) && !VirtualThreads.controlled()) {
        // Its code would run on a carrier thread, outside the schedule: untested, and silently.
        me.execution.fail(LostControlFinding.virtualThreadCreated(me));
        throw new ExecutionAborted();
      }
      DaemonThreads.created(me, thread);
    } finally {
      leave(me);
    }
  }

  /**
   * Not {@code enter()}: the status must be the program's even when set from inside another hook
   * or by a thread whose turn it is not. The flag only keeps the bookkeeping's own
   * ConcurrentHashMap calls from being taken for the program's (each would walk the stack).
   */
  @Override
  public void daemonSet(Thread thread) {
    ControlledThread me = ControlledRuntime.cached();
    boolean guarded = me != null && !me.inRuntime;
    if (guarded) me.inRuntime = true;
    try {
      DaemonThreads.set(thread);
    } finally {
      if (guarded) me.inRuntime = false;
    }
  }

  @Override
  public void threadStarting(Thread child) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.checkAborted();
      if (child.getState() == Thread.State.NEW && me.execution.lookup(child) == null
          && !isJdkSystemThread(child)) {
        ControlledThread adopted = ControlledRuntime.adopt(me.execution, child, me,
            DaemonThreads.isDaemon(child));
        // Only a traced run shows where a thread was started: a whole stack per start is
        // too dear while exploring.
        if (me.execution.trace().on()) {
          adopted.createdAt = StackFrames.firstApplicationFrame(new Throwable().getStackTrace());
        }
        me.execution.trace().threadStarted(me, adopted);
        if (VirtualThreads.isVirtual(child)) {
          // The rest of VirtualThread.start submits the thread to its scheduler (a fork-join
          // pool, the root thread container): the JDK's bookkeeping, not the program's steps.
          me.startingVirtual = child;
          me.classInitDepth++;
        }
      }
    } finally {
      leave(me);
    }
  }

  /**
   * A thread the JDK starts for itself when the program first needs it (the unblocker and the
   * carrier threads of virtual threads, the cleaner): it belongs to the JVM, not to the program,
   * and runs for as long as the JVM does.
   */
  private static boolean isJdkSystemThread(Thread child) {
    return child.getClass().getName().startsWith("jdk.internal.");
  }

  /**
   * The parent goes on with its own code after the start: a local step. A virtual thread's start
   * may also have failed (its executor was shut down): it then never runs, and must not be
   * waited for.
   */
  @Override
  public void threadStarted(Thread child) {
    ControlledThread starter = recovered();
    if (starter != null && starter.startingVirtual == child) {
      starter.startingVirtual = null;
      starter.classInitDepth--;
      if (child.getState() == Thread.State.TERMINATED) {
        ControlledRuntime.abandonUnstarted(starter.execution, child);
      }
    }
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.localSchedulingPoint(me, false);
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
      me = ControlledRuntime.anyPending() ? enter() : null;
      if (me == null) return;
    }
    if (me.released) return;
    me.inRuntime = true;
    me.released = true;
    if (me.execution.aborting() || me.finished) return;
    try {
      // The end is a step of its own, on the thread: joins and isAlive of it depend on it. Inside
      // the thread's last step it would touch the thread besides the object that step names.
      me.execution.schedulingPoint(me, me.stepObject, StepKind.SYNC, false);
    } catch (ExecutionAborted aborted) {
      return;
    }
    me.execution.finish(me);
  }

  @Override
  public boolean uncaughtException(Thread thread, Throwable error) {
    ControlledThread me = recovered();
    if (me == null || me.thread != thread) return false;
    if (error instanceof ExecutionAborted || me.execution.aborting()) return true;
    me.inRuntime = true;
    me.execution.trace().threw(me, error);
    me.execution.fail(ExceptionFinding.of(me, error));
    return true;
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
      // No check on entry: joining a finished thread returns even when interrupted, as in the
      // JDK, and a join that blocks is woken at once by a pending interrupt (Execution.block).
      if (me.execution.blocking().join(me, other, millis, site) == WakeReason.INTERRUPTED) {
        Thread.interrupted();
        throw new InterruptedException();
      }
    } finally {
      leave(me);
    }
  }

  /**
   * Whether a thread of the execution has ended, in the model: a scheduling point that reads the
   * thread, so that it is ordered against the thread's end like a join.
   */
  @Override
  public boolean isAlive(Thread thread) {
    ControlledThread me = enter();
    if (me == null) return thread.isAlive();
    try {
      ControlledThread other = me.execution.lookup(thread);
      if (other == null) return thread.isAlive();
      me.execution.schedulingPoint(me, other.stepObject, StepKind.READ, false);
      boolean finished = other.finished;
      if (finished) me.execution.blocking().observedFinished(me, other);
      return !finished;
    } finally {
      leave(me);
    }
  }

  @Override
  public void interrupt(Thread target, int site) {
    ControlledThread me = enter();
    if (me != null) {
      try {
        ControlledThread other = me.execution.lookup(target);
        if (other != null) me.execution.interruptPoint(me, other);
      } finally {
        leave(me);
      }
    }
    target.interrupt();
  }

  @Override
  public boolean isInterrupted(Thread target, int site) {
    ControlledThread me = enter();
    if (me == null) return target.isInterrupted();
    try {
      ControlledThread other = me.execution.lookup(target);
      if (other != null) me.execution.interruptStatusPoint(me, other, StepKind.READ);
      return target.isInterrupted();
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean interrupted(int site) {
    ControlledThread me = enter();
    if (me == null) return Thread.interrupted();
    try {
      me.execution.interruptStatusPoint(me, me, StepKind.WRITE);
      return Thread.interrupted();
    } finally {
      leave(me);
    }
  }

  /** The model's side of every interrupt: wakes the target if it blocks interruptibly. */
  @Override
  public void interrupting(Thread target) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      ControlledThread other = me.execution.lookup(target);
      if (other != null) me.execution.blocking().interrupt(other);
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
}
