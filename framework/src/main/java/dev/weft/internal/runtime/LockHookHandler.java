package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.LockHooks;

/** java.util.concurrent locks taken and released by application code, to {@link LockBookkeeping}. */
final class LockHookHandler implements LockHooks {

  @Override
  public void lockAcquired(Object lock, int mode, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.locks().acquired(me, lock, mode, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void lockReleased(Object lock, int mode, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.locks().released(me, lock, mode, site);
    } finally {
      leave(me);
    }
  }
}
