package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.internal.failure.HeldLock;
import java.util.List;

/**
 * One operation of a controlled thread on a tracked collection, as the race detector remembers it.
 * Immutable; the stack is captured when the access happens because the report may need it after
 * the thread moved on.
 */
record CollectionAccess(ControlledThread thread, int epoch, String operation, Access.Kind kind,
    Object argument, StackTraceElement[] stack, List<HeldLock> locksHeld, boolean growsTable,
    StackTraceElement taskOrigin) {

  boolean write() {
    return kind.isWrite();
  }
}
