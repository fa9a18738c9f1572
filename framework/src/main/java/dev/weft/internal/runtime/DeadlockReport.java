package dev.weft.internal.runtime;

import dev.weft.Failure;
import dev.weft.internal.agent.SiteRegistry;
import java.util.List;

/** Explains a deadlock: for each blocked thread, what it waits for, who holds it, and where. */
final class DeadlockReport {
  private DeadlockReport() {}

  static ExecutionFailure describe(Execution execution) {
    boolean bodyReturned = execution.bodyReturned();
    StringBuilder details = new StringBuilder();
    StringBuilder cycle = new StringBuilder();
    List<String> neverEnding = new java.util.ArrayList<>();
    List<String> idleWorkers = new java.util.ArrayList<>();
    for (ControlledThread t : execution.threads()) {
      if (!t.isBlocked()) continue;
      if (t.waitsForATask()) {
        idleWorkers.add("T" + t.id);
        continue;
      }
      String waitsFor = waitsFor(execution, t);
      details.append("  ").append(t.displayName()).append(t.daemon ? " (daemon)" : "")
          .append(' ').append(waitsFor).append('\n');
      details.append(StackRendering.render(t.thread.getStackTrace()));
      if (cycle.length() > 0) cycle.append(", ");
      cycle.append('T').append(t.id);
      if (!t.daemon) neverEnding.add("T" + t.id);
    }
    String summary = "DEADLOCK: no thread can run; blocked: " + cycle;
    String unjoined = bodyReturned ? neverEnds(neverEnding) : "";
    return new ExecutionFailure(Failure.Kind.DEADLOCK, summary,
        unjoined + "Each thread waits for something that only another blocked thread could give:\n"
            + details
            + (idleWorkers.isEmpty() ? ""
                : "  (" + String.join(", ", idleWorkers) + ": pool workers waiting for a task)\n")
            + "Fix: take the locks in one global order everywhere, or use tryLock with a timeout"
            + " and back off.",
        null, List.of());
  }

  /** Why a deadlock after the body returned is one: the JVM waits for non-daemon threads. */
  private static String neverEnds(List<String> threads) {
    boolean one = threads.size() == 1;
    String names = one ? threads.get(0)
        : String.join(", ", threads.subList(0, threads.size() - 1)) + " and "
            + threads.get(threads.size() - 1);
    return "The body returned, but " + names + (one ? " never ends: it is not a daemon thread"
        : " never end: they are not daemon threads") + ", so the JVM would wait forever.\n";
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
