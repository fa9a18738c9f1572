package dev.weft.internal.linearizability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The plain-text report of a {@link Violation}: the first line says what happened and where, the
 * details show the history, why no order explains it, the order that comes closest, and how such
 * bugs are fixed.
 */
public final class ViolationReport {
  private ViolationReport() {}

  private static final int NAMED_IN_SUMMARY = 3;

  /** One line: the conflicting calls and the line of the check. */
  public static String summary(Violation v) {
    List<String> calls = new ArrayList<>();
    for (int id : v.conflicting()) calls.add(v.history().describe(id));
    String named = calls.size() <= NAMED_IN_SUMMARY ? join(calls)
        : String.join(", ", calls.subList(0, NAMED_IN_SUMMARY)) + " and "
            + (calls.size() - NAMED_IN_SUMMARY) + " more";
    return "NOT LINEARIZABLE: no sequential order of " + v.history().objectType()
        + "'s calls explains " + named + " (checked at " + v.checkedAt() + ")";
  }

  /** The explanation below the summary, indented like the other failure reports. */
  public static String details(Violation v) {
    History h = v.history();
    StringBuilder sb = new StringBuilder();
    sb.append("  ").append(h.size()).append(h.size() == 1 ? " call" : " calls").append(" on ")
        .append(h.activeThreads()).append(h.activeThreads() == 1 ? " thread" : " threads")
        .append(", in the order they started (| below a call: it was still running when the")
        .append(" calls on the next rows started; * the calls that cannot be ordered):\n");
    sb.append(HistoryTable.render(h, new HashSet<>(v.conflicting())));
    sb.append('\n').append("  Why: no sequential order of these calls gives these results: ")
        .append(conflict(v)).append('\n');
    if (v.closest() != null) sb.append("  Closest order: ").append(closest(v)).append('\n');
    sb.append("  Fix: every operation must take effect at one instant between its call and its")
        .append(" return. Guard each read-modify-write with one lock, or make it one atomic call")
        .append(" (compareAndSet in a retry loop, incrementAndGet, putIfAbsent, computeIfAbsent)")
        .append(" instead of a read followed by a write.\n");
    sb.append("  Checked against ").append(v.model()).append(", one call at a time. The calls")
        .append(" were drawn by the schedule: the token below replays them too.\n");
    return sb.toString();
  }

  private static String conflict(Violation v) {
    List<String> calls = new ArrayList<>();
    for (int id : v.conflicting()) calls.add(v.history().describe(id));
    boolean others = v.conflicting().size() < v.history().size();
    String whatever = others ? ", whatever the other calls returned" : "";
    String incomplete = v.minimal() ? ""
        : " (the check's budget ran out before this set was made minimal)";
    if (calls.size() == 1) {
      return calls.get(0) + " is impossible in every order consistent with real time"
          + whatever + "." + incomplete;
    }
    return "in every order consistent with real time, at least one of " + join(calls)
        + " returns something else" + whatever + "." + incomplete;
  }

  /** The closest order, each call with the model's result and, where it differs, the real one. */
  private static String closest(Violation v) {
    History h = v.history();
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < v.closest().order().size(); i++) {
      int id = v.closest().order().get(i);
      Outcome model = v.closest().outcomes().get(i);
      String step = History.threadName(h.call(id).thread()) + " " + h.call(id).invocation() + " "
          + model.render();
      if (v.mismatched().contains(id)) {
        step += " (but it " + (h.call(id).outcome().threw() ? "threw "
            + h.call(id).outcome().exception().getSimpleName()
            : "returned " + ValueText.render(h.call(id).outcome().value())) + ")";
      }
      steps.add(step);
    }
    String fits = v.mismatched().size() == 1
        ? ". It gives every other call its result." : ".";
    return String.join(", then ", steps) + fits;
  }

  private static String join(List<String> items) {
    if (items.size() == 1) return items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }
}
