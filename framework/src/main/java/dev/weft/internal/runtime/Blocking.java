package dev.weft.internal.runtime;

import dev.weft.scheduler.StepKind;

/**
 * The blocking operations of threads other than monitors: join, park and unpark (the permit),
 * sleep on the virtual clock, and interrupts, which end interruptible waits. Each is a
 * happens-before edge where the JDK makes one: a finished thread before its joiner, an unpark
 * before the park it ends.
 */
final class Blocking {
  private final Execution execution;
  private final VectorClocks clocks;
  private final TraceRecorder trace;

  Blocking(Execution execution) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.trace = execution.trace();
  }

  /**
   * A timed join takes its deadline before it looks at the target. Whether the target has ended
   * is read by the step that leads here, which does not name the target: so both answers must
   * lead to the same steps (a deadline, then one on the target), as they do for a join without
   * one; otherwise that step would decide how many steps follow while the search takes it as
   * independent of the target's end, and would miss the schedules where the end came first.
   */
  WakeReason join(ControlledThread me, ControlledThread target, long millis, int site) {
    long deadline = millis > 0 ? execution.timedWaitDeadline(me, millis * 1_000_000L) : -1;
    if (target.finished) {
      execution.schedulingPoint(me, target.stepObject, StepKind.SYNC, false);
      clocks.joined(me.id, target.id);
      return WakeReason.NONE;
    }
    trace.joins(me, target, site);
    WakeReason reason = execution.block(me, new Join(target, deadline, site, WakeReason.NONE));
    if (target.finished) clocks.joined(me.id, target.id);
    return reason;
  }

  /** {@code me} learned that {@code target} finished (isAlive returned false). */
  void observedFinished(ControlledThread me, ControlledThread target) {
    clocks.joined(me.id, target.id);
  }

  /**
   * A park resumes inside java.util.concurrent (a lock or queue retries its state), and the
   * unpark that ends it is made inside a library call too: both touch state the runtime does not
   * see, so the step is SYNC on the library object, not on the thread's permit alone.
   */
  void park(ControlledThread me, Object blocker, long nanos, boolean timed) {
    // An idle pool worker's timeout is the pool's housekeeping, not the program's: on the virtual
    // clock it would fire whenever nobody else can run, and the worker would park again at once.
    if (timed && PoolWorkers.isForkJoinWorkerLookingForWork(me.thread)) timed = false;
    // The deadline comes first, for the reason a timed join's does: the permit and the interrupt
    // status are read by the step that leads here. A permit given during the deadline's
    // scheduling point ends the park at once.
    long deadline = timed ? execution.timedWaitDeadline(me, Math.max(1L, nanos)) : -1;
    if (me.permit || me.thread.isInterrupted()) {
      me.permit = false;
      execution.schedulingPoint(me, StepObjects.LIBRARY, StepKind.SYNC, false);
      clocks.acquire(me.id, me);
      return;
    }
    trace.parks(me, blocker);
    execution.block(me, new Park(blocker, deadline, WakeReason.NONE));
    clocks.acquire(me.id, me);
  }

  /** Not a scheduling point: the unparking call's own point came before it. */
  void unpark(ControlledThread me, ControlledThread target) {
    target.permit = true;
    clocks.release(me.id, target);
    trace.unparks(me, target);
  }

  /**
   * A sleep lets other threads run but is not a spin by itself: "sleep so that the other thread
   * finishes first" is a bug to find, so the sleeper stays a candidate. Only a thread that sleeps
   * again and again at the same place (a polling loop) is treated as spinning.
   */
  void sleep(ControlledThread me, long nanos, boolean polling) {
    execution.sleep(me, nanos, polling);
  }

  /** Thread.interrupt of a controlled thread: wakes it if it blocks interruptibly. */
  void interrupt(ControlledThread target) {
    if (target.blocker != null) target.blocker = target.blocker.interrupted(target);
  }
}
