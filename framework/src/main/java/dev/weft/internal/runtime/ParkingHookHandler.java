package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;
import static dev.weft.internal.runtime.ControlledRuntime.recovered;
import static dev.weft.internal.runtime.ControlledRuntime.releaseIdleWorkerOrRethrow;

import dev.weft.boot.ExecutionAborted;
import dev.weft.boot.ParkingHooks;

/**
 * LockSupport's park and unpark, to {@link Blocking}; also where common-pool workers, which
 * outlive executions, are released at an execution's end and adopted again by the next.
 */
final class ParkingHookHandler implements ParkingHooks {

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
      me.execution.blocking().park(me, blocker, nanos, timed);
      return true;
    } catch (ExecutionAborted aborted) {
      return releaseIdleWorkerOrRethrow(me, aborted);
    } finally {
      leave(me);
    }
  }

  @Override
  public void parkReturned() {
    if (!ControlledRuntime.isPending(Thread.currentThread())) return;
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
      ControlledRuntime.noteUnparkFromOutside(thread);
      return false;
    }
    try {
      if (me.execution.aborting()) return false;
      ControlledThread target = me.execution.lookup(thread);
      if (target == null) {
        ControlledRuntime.adoptParkedWorker(me, thread);
        return false;
      }
      me.execution.blocking().unpark(me, target);
      return true;
    } finally {
      leave(me);
    }
  }
}
