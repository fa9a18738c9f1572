package dev.weft.bench.strategies;

import dev.weft.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the benchmark's measurements as Markdown, and lists what must not have happened. */
final class StrategyTable {
  private final Map<BugProgram, Map<Strategy, Measurement>> bugs;
  private final Map<BugProgram, Map<Strategy, Trial>> twins;
  private final List<BugProgram> order;
  /** The columns: the strategies measured, in the enum's order. */
  private final List<Strategy> strategies;

  StrategyTable(Map<BugProgram, Map<Strategy, Measurement>> bugs,
      Map<BugProgram, Map<Strategy, Trial>> twins, List<Strategy> strategies) {
    this.bugs = Map.copyOf(bugs);
    this.twins = Map.copyOf(twins);
    this.order = List.copyOf(bugs.keySet());
    this.strategies = List.copyOf(strategies);
  }

  /** Per program and strategy: median executions and seconds to the first failure, the hits. */
  String bugTable() {
    StringBuilder out = new StringBuilder("| program | bug |");
    for (Strategy s : strategies) out.append(' ').append(s).append(" |");
    out.append("\n|---|---|").append("---|".repeat(strategies.size())).append('\n');
    for (BugProgram program : order) {
      out.append("| ").append(program.name()).append(" | ").append(program.bugClass()).append(" |");
      for (Strategy s : strategies) out.append(' ').append(cell(bugs.get(program).get(s))).append(" |");
      out.append('\n');
    }
    out.append("| **found** | of ").append(order.size()).append(" |");
    for (Strategy s : strategies) out.append(" **").append(found(s)).append("** |");
    out.append("\n| **seconds** | sum of medians (a miss: its time spent) |");
    for (Strategy s : strategies) {
      out.append(String.format(Locale.ROOT, " %.1f |", totalSeconds(s)));
    }
    return out.append('\n').toString();
  }

  /** Per twin and strategy: passed (or exhausted), executions, seconds. */
  String twinTable() {
    StringBuilder out = new StringBuilder("| correct twin |");
    for (Strategy s : strategies) out.append(' ').append(s).append(" |");
    out.append("\n|---|").append("---|".repeat(strategies.size())).append('\n');
    for (BugProgram program : order) {
      out.append("| ").append(program.name()).append(" |");
      for (Strategy s : strategies) {
        Trial t = twins.get(program).get(s);
        String verdict = t.kind().map(k -> "**" + k + "**")
            .orElse(t.exhausted() ? "exhausted" : "passed");
        out.append(String.format(Locale.ROOT, " %s, %d, %.1f s |", verdict, t.executions(),
            t.seconds()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  int found(Strategy strategy) {
    return (int) order.stream().filter(p -> bugs.get(p).get(strategy).found()).count();
  }

  double totalSeconds(Strategy strategy) {
    return order.stream().mapToDouble(p -> bugs.get(p).get(strategy).medianSeconds()).sum();
  }

  /** A twin that failed, or a bug reported as another kind of failure: bugs to report. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (BugProgram program : order) {
      for (Strategy s : strategies) {
        Trial twin = twins.get(program).get(s);
        twin.kind().ifPresent(k -> problems.add(program.name() + " (correct) failed under " + s
            + ": " + twin.summary()));
        for (Trial wrong : bugs.get(program).get(s).wrongKind()) {
          problems.add(program.name() + " under " + s + " reported " + wrong.kind().get()
              + " instead of " + program.expected() + ": " + wrong.summary());
        }
      }
    }
    return problems;
  }

  private static String cell(Measurement m) {
    String hits = m.strategy() == Strategy.SYSTEMATIC ? "" : " (" + m.hits() + "/" + m.trials().size() + ")";
    return m.median()
        .map(t -> String.format(Locale.ROOT, "%d, %.2f s%s", t.executions(), t.seconds(), hits))
        .orElse("not found" + hits);
  }
}
