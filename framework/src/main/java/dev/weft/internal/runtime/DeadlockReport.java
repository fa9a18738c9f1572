package dev.weft.internal.runtime;

import dev.weft.Failure;
import dev.weft.internal.agent.SiteRegistry;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/** Explains a deadlock: for each blocked thread, what it waits for, who holds it, and where. */
final class DeadlockReport {
  private DeadlockReport() {}

  static ExecutionFailure describe(Execution execution) {
    StringBuilder details = new StringBuilder();
    StringBuilder cycle = new StringBuilder();
    for (ControlledThread t : execution.threads()) {
      if (t.state != ThreadState.BLOCKED) continue;
      String waitsFor = waitsFor(execution, t);
      details.append("  ").append(t.displayName()).append(' ').append(waitsFor).append('\n');
      details.append(StackRendering.render(t.thread.getStackTrace()));
      if (cycle.length() > 0) cycle.append(", ");
      cycle.append('T').append(t.id);
    }
    String summary = "DEADLOCK: no thread can run; blocked: " + cycle;
    return new ExecutionFailure(Failure.Kind.DEADLOCK, summary,
        "Each thread waits for something that only another blocked thread could give:\n" + details
            + "Fix: take the locks in one global order everywhere, or use tryLock with a timeout"
            + " and back off.",
        null, List.of());
  }

  private static String waitsFor(Execution execution, ControlledThread t) {
    StackTraceElement here = StackRendering.firstApplicationFrame(t.thread.getStackTrace());
    String at = t.blockSite >= 0 ? SiteRegistry.shortLocation(t.blockSite)
        : StackRendering.shortLocation(here);
    switch (t.blockKind) {
      case MONITOR: {
        MonitorState m = execution.existingMonitor(t.blockObject);
        String held = m == null || m.owner == null ? ""
            : " held by " + m.owner.displayName()
                + (m.acquiredAt >= 0 ? " (taken at " + SiteRegistry.shortLocation(m.acquiredAt) + ")"
                    : "");
        return "waits at " + at + " for monitor " + identity(t.blockObject) + held;
      }
      case WAIT:
        return "waits at " + at + " in " + identity(t.blockObject)
            + ".wait() for a notify that never comes";
      case JOIN:
        return "waits at " + at + " to join " + ((ControlledThread) t.blockObject).displayName();
      case PARK: {
        Object blocker = t.blockObject;
        String owner = ownerOf(execution, blocker);
        return "waits at " + at + " for " + (blocker == null ? "an unpark" : identity(blocker))
            + (owner == null ? "" : " held by " + owner);
      }
      default:
        return "is blocked";
    }
  }

  /** Owner of a java.util.concurrent lock, when the lock records one. */
  private static String ownerOf(Execution execution, Object blocker) {
    if (!(blocker instanceof AbstractOwnableSynchronizer)) return null;
    try {
      Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
      m.setAccessible(true);
      Thread owner = (Thread) m.invoke(blocker);
      if (owner == null) return null;
      ControlledThread ct = execution.lookup(owner);
      return ct == null ? owner.getName() : ct.displayName();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static String identity(Object o) {
    if (o == null) return "null";
    String name = o.getClass().getName();
    // AQS-based locks park on their inner Sync: name the lock users know.
    int dollar = name.indexOf('$');
    if (name.startsWith("java.util.concurrent.") && dollar > 0) name = name.substring(0, dollar);
    return name + "@" + Integer.toHexString(System.identityHashCode(o));
  }
}
