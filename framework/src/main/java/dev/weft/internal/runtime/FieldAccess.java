package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;

/**
 * One read or write of a memory location by a controlled thread, as a field race report shows
 * it. Immutable. The traced run behind a report remembers every access with its full stack and
 * value; an exploring run remembers only what costs nothing (the site and the locks held), and
 * gives its accesses a one-frame stack.
 *
 * @param value the value read or written, rendered short and safely, or null when not known
 * @param stack the stack at the access, innermost first (Weft's frames included)
 * @param taskOrigin for a pool thread, where its current task was submitted, else null
 */
record FieldAccess(ControlledThread thread, boolean write, int site, String value,
    StackTraceElement[] stack, LockSet locksHeld, StackTraceElement taskOrigin) {

  /** What an exploring run knows of an access: where, and the locks held. */
  static FieldAccess atSite(ControlledThread thread, boolean write, int site, LockSet locks) {
    StackTraceElement where = SiteRegistry.location(site);
    return new FieldAccess(thread, write, site, null,
        where == null ? new StackTraceElement[0] : new StackTraceElement[] {where},
        locks == null ? LockSet.NONE : locks, thread.taskOrigin);
  }

  /** The line of the access: its site, which is application code by construction. */
  StackTraceElement location() {
    StackTraceElement where = SiteRegistry.location(site);
    return where != null ? where : StackRendering.firstApplicationFrame(stack);
  }
}
