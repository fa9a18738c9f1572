package dev.weft.bench.strategies;

import dev.weft.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every strategy on every program of the {@link StrategyCorpus}: for a buggy program the
 * executions and seconds to the first failure (median over seeds; {@code SYSTEMATIC} needs one
 * run) within 10,000 executions or 60 s, and per strategy the bugs found; each correct twin must
 * pass under every strategy. Prints Markdown tables; exits with 1 when a twin failed or a bug was
 * reported as another kind of failure.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench package exec:exec -DskipTests
 * -Dbench.main=dev.weft.bench.strategies.StrategyBenchmark -Dbench.args="3 2000 15"}: seeds per
 * sampler (odd), the twins' executions and seconds per strategy, optionally a part of the
 * names of the programs to run ({@code all}: every program, the default) and the strategies to
 * run, separated by commas ({@code "3 2000 15 all AUTO,POS"}; every strategy by default).
 */
public final class StrategyBenchmark {
  private StrategyBenchmark() {}

  public static void main(String[] given) {
    // exec:exec passes -Dbench.args as one argument.
    String[] args = String.join(" ", given).trim().split("\\s+");
    int seeds = intArg(args, 0, 3);
    int twinIterations = intArg(args, 1, 2_000);
    Duration twinTime = Duration.ofSeconds(intArg(args, 2, 15));
    if (seeds % 2 == 0) throw new IllegalArgumentException("an odd number of seeds: " + seeds);
    long start = System.nanoTime();
    String only = args.length > 3 && !args[3].equals("all") ? args[3] : "";
    List<Strategy> strategies = args.length > 4 ? strategies(args[4]) : List.of(Strategy.values());
    List<BugProgram> programs =
        StrategyCorpus.all().stream().filter(p -> p.name().contains(only)).toList();
    Map<BugProgram, Map<Strategy, Measurement>> bugs = new java.util.LinkedHashMap<>();
    Map<BugProgram, Map<Strategy, Trial>> twins = new java.util.LinkedHashMap<>();
    for (BugProgram program : programs) {
      Map<Strategy, Measurement> row = new EnumMap<>(Strategy.class);
      for (Strategy strategy : strategies) row.put(strategy, measure(program, strategy, seeds));
      bugs.put(program, row);
      Map<Strategy, Trial> twinRow = new EnumMap<>(Strategy.class);
      for (Strategy strategy : strategies) {
        Trial trial = StrategyRun.explore(
            StrategyRun.options(strategy, 1, twinIterations, twinTime), program.correct());
        progress(program.name() + "-correct", strategy, 1, trial);
        twinRow.put(strategy, trial);
      }
      twins.put(program, twinRow);
    }
    StrategyTable table = new StrategyTable(bugs, twins, strategies);
    System.out.println("Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; " + seeds
        + " seeds per sampler (1 to " + seeds + "); bugs: " + StrategyRun.BUG_ITERATIONS
        + " executions / " + StrategyRun.BUG_TIME.toSeconds() + " s; twins: " + twinIterations
        + " executions / " + twinTime.toSeconds() + " s, seed 1");
    System.out.println();
    System.out.println(table.bugTable());
    System.out.println(table.twinTable());
    System.out.printf(Locale.ROOT, "Whole run: %.0f s%n", (System.nanoTime() - start) / 1e9);
    List<String> problems = table.problems();
    problems.forEach(p -> System.out.println("PROBLEM: " + p));
    if (!problems.isEmpty()) System.exit(1);
  }

  private static Measurement measure(BugProgram program, Strategy strategy, int seeds) {
    int planned = StrategyRun.seeded(strategy) ? seeds : 1;
    List<Trial> trials = new ArrayList<>();
    Measurement measurement = new Measurement(strategy, program.expected(), trials, planned);
    for (long seed = 1; measurement.undecided(); seed++) {
      Trial trial = StrategyRun.explore(StrategyRun.options(strategy, seed,
          StrategyRun.BUG_ITERATIONS, StrategyRun.BUG_TIME), program.buggy());
      progress(program.name(), strategy, seed, trial);
      trials.add(trial);
      measurement = new Measurement(strategy, program.expected(), trials, planned);
    }
    return measurement;
  }

  private static void progress(String name, Strategy strategy, long seed, Trial trial) {
    System.err.printf(Locale.ROOT, "%s %s seed %d: %s, %d executions, %.2f s%n", name, strategy,
        seed, trial.kind().map(Enum::name).orElse(trial.exhausted() ? "exhausted" : "passed"),
        trial.executions(), trial.seconds());
  }

  /** The strategies named, in the enum's order, so that tables of partial runs line up. */
  private static List<Strategy> strategies(String names) {
    EnumSet<Strategy> chosen = EnumSet.noneOf(Strategy.class);
    for (String name : names.split(",")) {
      try {
        chosen.add(Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown strategy '" + name + "': one of "
            + Arrays.toString(Strategy.values()), e);
      }
    }
    return List.copyOf(chosen);
  }

  private static int intArg(String[] args, int index, int fallback) {
    return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index].trim())
        : fallback;
  }
}
