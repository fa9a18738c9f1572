package dev.weft.internal.report;

import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.Outcome;
import dev.weft.internal.linearizability.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A history that no sequential order explains: the first line says what happened and where, the
 * details show the history, why no order explains it, the order that comes closest, and how such
 * bugs are fixed.
 */
final class ViolationText implements FailureText {
  private static final int NAMED_IN_SUMMARY = 3;

  private final Violation v;

  ViolationText(Violation violation) {
    this.v = violation;
  }

  /** One line: the conflicting calls and the line of the check. */
  @Override
  public String summary() {
    List<String> calls = conflictingCalls();
    String named = calls.size() <= NAMED_IN_SUMMARY ? join(calls)
        : String.join(", ", calls.subList(0, NAMED_IN_SUMMARY)) + " and "
            + (calls.size() - NAMED_IN_SUMMARY) + " more";
    return "NOT LINEARIZABLE: no sequential order of " + v.history().objectType()
        + "'s calls explains " + named + " (checked at " + v.checkedAt() + ")";
  }

  @Override
  public List<Paragraph> details() {
    History h = v.history();
    StringBuilder table = new StringBuilder();
    table.append("  ").append(h.size()).append(h.size() == 1 ? " call" : " calls").append(" on ")
        .append(h.activeThreads()).append(h.activeThreads() == 1 ? " thread" : " threads")
        .append(", in the order they started (| below a call: it was still running when the")
        .append(" calls on the next rows started; * the calls that cannot be ordered):\n");
    table.append(HistoryText.render(h, new HashSet<>(v.conflicting())));
    StringBuilder why = new StringBuilder();
    why.append('\n').append("  Why: no sequential order of these calls gives these results: ")
        .append(conflict()).append('\n');
    if (v.closest() != null) why.append("  Closest order: ").append(closest()).append('\n');
    why.append("  Fix: every operation must take effect at one instant between its call and its")
        .append(" return. Guard each read-modify-write with one lock, or make it one atomic call")
        .append(" (compareAndSet in a retry loop, incrementAndGet, putIfAbsent, computeIfAbsent)")
        .append(" instead of a read followed by a write.\n");
    why.append("  Checked against ").append(v.model()).append(", one call at a time. The calls")
        .append(" were drawn by the schedule: the token below replays them too.\n");
    return List.of(new Paragraph("history", table.toString()), new Paragraph("why",
        why.toString()));
  }

  /** The check's throw is the marked event: it belongs to the history. */
  @Override
  public String anchorOf(dev.weft.internal.failure.TraceRow marked, int index) {
    return "history";
  }

  private List<String> conflictingCalls() {
    List<String> calls = new ArrayList<>();
    for (int id : v.conflicting()) calls.add(HistoryText.call(v.history(), id));
    return calls;
  }

  private String conflict() {
    List<String> calls = conflictingCalls();
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
  private String closest() {
    History h = v.history();
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < v.closest().order().size(); i++) {
      int id = v.closest().order().get(i);
      Outcome model = v.closest().outcomes().get(i);
      String step = History.threadName(h.call(id).thread()) + " "
          + HistoryText.invocation(h.call(id)) + " " + HistoryText.outcome(model);
      if (v.mismatched().contains(id)) {
        Outcome real = h.call(id).outcome();
        step += " (but it " + (real.threw() ? "threw " + real.exception().getSimpleName()
            : "returned " + Values.render(real.value())) + ")";
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
