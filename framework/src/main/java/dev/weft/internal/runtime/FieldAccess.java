package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.Value;
import java.util.List;

/**
 * One read or write of a memory location by a controlled thread, as the field race detector
 * remembers it. Immutable. The traced run behind a report remembers every access with its full
 * stack and value; an exploring run remembers only what costs nothing (the site and the locks
 * held), and gives its accesses a one-frame stack.
 *
 * @param value the value read or written, or null when not known
 * @param stack the stack at the access, innermost first (Weft's frames included)
 * @param taskOrigin for a pool thread, where its current task was submitted, else null
 */
record FieldAccess(ControlledThread thread, boolean write, int site, Value value,
    StackTraceElement[] stack, List<HeldLock> locksHeld, StackTraceElement taskOrigin) {

  /** What an exploring run knows of an access: where, and the locks held. */
  static FieldAccess atSite(ControlledThread thread, boolean write, int site,
      List<HeldLock> locks) {
    StackTraceElement where = SiteRegistry.location(site);
    return new FieldAccess(thread, write, site, null,
        where == null ? new StackTraceElement[0] : new StackTraceElement[] {where},
        locks == null ? List.of() : locks, thread.taskOrigin);
  }

  /** The line of the access: its site, which is application code by construction. */
  StackTraceElement location() {
    StackTraceElement where = SiteRegistry.location(site);
    return where != null ? where : StackFrames.firstApplicationFrame(stack);
  }
}
