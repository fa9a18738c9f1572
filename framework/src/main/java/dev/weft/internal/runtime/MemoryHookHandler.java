package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.MemoryHooks;

/** Volatile fields, atomics and java.util.concurrent calls, to {@link MemoryAccesses}. */
final class MemoryHookHandler implements MemoryHooks {

  @Override
  public void volatileAccess(int fieldId, boolean write, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.memory().volatileAccess(me, fieldId, write, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void atomicAccess(int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.memory().libraryCall(me, site);
    } finally {
      leave(me);
    }
  }

  @Override
  public void concurrencyCallReturned(int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.memory().sharedSynchronization(me, false);
    } finally {
      leave(me);
    }
  }
}
