package dev.weft.internal.runtime;

import dev.weft.Failure;
import dev.weft.internal.agent.SiteRegistry;
import java.util.List;

/** Explains a deadlock: for each blocked thread, what it waits for, who holds it, and where. */
final class DeadlockReport {
  private DeadlockReport() {}

  static ExecutionFailure describe(Execution execution) {
    StringBuilder details = new StringBuilder();
    StringBuilder cycle = new StringBuilder();
    for (ControlledThread t : execution.threads()) {
      if (!t.isBlocked()) continue;
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
    Blocker blocker = t.blocker;
    String at = blocker.site() >= 0 ? SiteRegistry.shortLocation(blocker.site())
        : StackRendering.shortLocation(
            StackRendering.firstApplicationFrame(t.thread.getStackTrace()));
    return blocker.waitsFor(at, execution);
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
