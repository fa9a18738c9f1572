package dev.weft.scheduler;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Executions to the first failure on the simulator's bug corpus, per strategy: the median over
 * 21 seeds (the systematic search has no seed: one number), and in how many seeds the bug was
 * found within the budget. Not a test; prints the table in the scheduler README:
 *
 * <pre>
 * mvn -B -q -pl scheduler test-compile
 * java -cp scheduler/target/classes:scheduler/target/test-classes \
 *     dev.weft.scheduler.CorpusMeasurement
 * </pre>
 */
public final class CorpusMeasurement {
  private static final int SEEDS = 21;
  private static final int BUDGET = 3_000;

  private CorpusMeasurement() {}

  public static void main(String[] args) {
    Map<String, Sim.Program> corpus = new LinkedHashMap<>();
    corpus.put("lost update, 2 threads (1 preemption)", Programs.lostUpdate(2, 3));
    corpus.put("lost update, 3 threads (1)", Programs.lostUpdate(3, 1));
    corpus.put("lock-order deadlock (1)", Programs.lockOrderDeadlock());
    corpus.put("read between two writes (2)", Programs.betweenWrites(2));
    corpus.put("every write observed (3)", Programs.observesEveryWrite(2));
    corpus.put("checker and 2 setters, 12 steps (2)", Programs.checkerAndTwoSetters());
    corpus.put("checker and 10 setters x 10 steps", Programs.manySetters(10, 10));
    corpus.put("checker and 30 setters x 10 steps", Programs.manySetters(30, 10));
    corpus.put("checker and 100 setters x 5 steps", Programs.manySetters(100, 5));

    Map<String, LongFunction<SchedulingStrategy>> strategies = new LinkedHashMap<>();
    strategies.put("RANDOM", RandomWalkStrategy::new);
    strategies.put("PCT before (d=3, [1,64])", s -> new PctStrategy(s, 3, false, Shard.ALL, 64));
    strategies.put("PCT d=3", s -> new PctStrategy(s, 3));
    strategies.put("PCT adaptive 1-4", PctStrategy::new);
    strategies.put("POS", PosStrategy::new);
    strategies.put("SYSTEMATIC k=2", s -> new SystematicStrategy(2));
    strategies.put("SYSTEMATIC unbounded",
        s -> new SystematicStrategy(SystematicStrategy.UNBOUNDED));

    StringBuilder header = new StringBuilder("| bug (fewest preemptions) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String name : strategies.keySet()) {
      header.append(' ').append(name).append(" |");
      rule.append("---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (Map.Entry<String, Sim.Program> bug : corpus.entrySet()) {
      StringBuilder row = new StringBuilder("| ").append(bug.getKey()).append(" |");
      for (Map.Entry<String, LongFunction<SchedulingStrategy>> s : strategies.entrySet()) {
        boolean seeded = !s.getKey().startsWith("SYSTEMATIC");
        row.append(' ').append(cell(bug.getValue(), s.getValue(), seeded ? SEEDS : 1))
            .append(" |");
      }
      System.out.println(row);
    }
  }

  private static String cell(Sim.Program program, LongFunction<SchedulingStrategy> factory,
      int seeds) {
    int[] first = new int[seeds];
    int found = 0;
    for (int seed = 0; seed < seeds; seed++) {
      first[seed] = firstFailure(program, factory.apply(seed));
      if (first[seed] < Integer.MAX_VALUE) found++;
    }
    Arrays.sort(first);
    int median = first[seeds / 2];
    String value = median == Integer.MAX_VALUE ? ">" + String.format(Locale.ROOT, "%,d", BUDGET)
        : String.format(Locale.ROOT, "%,d", median);
    return seeds == 1 ? value : value + " (" + found + "/" + seeds + ")";
  }

  /** Executions up to and including the first that fails or deadlocks; MAX_VALUE if none. */
  private static int firstFailure(Sim.Program program, SchedulingStrategy strategy) {
    for (int i = 0; i < BUDGET; i++) {
      if (i > 0 && !strategy.hasNextExecution()) break;
      Sim.Outcome outcome = program.run(strategy, i, Sim.Program.DEFAULT_MAX_STEPS);
      if (outcome.failed || outcome.deadlock) return i + 1;
    }
    return Integer.MAX_VALUE;
  }
}
