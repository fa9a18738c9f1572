package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import dev.weft.internal.statics.StaticBaselines;
import java.util.Arrays;

/**
 * What the reset of static fields between executions costs: executions per second with {@code
 * resetStatics} on and off (alternating rounds, the cost is the median of the pairs), and the
 * time of one reset on its own.
 */
public final class StaticResetBenchmark {
  private StaticResetBenchmark() {}

  private static final int WARMUP_EXECUTIONS = 2_000;
  private static final int PAIRS = 7;
  private static final int EXECUTIONS_PER_ROUND = 2_000;
  private static final int RESETS = 200_000;

  /** A program that leaves static state behind: the reset writes a field every execution. */
  static final class Hits {
    static int count;
  }

  static void countsInAStaticField() throws InterruptedException {
    Thread t = new Thread(() -> {
      synchronized (Hits.class) {
        Hits.count++;
      }
    });
    t.start();
    synchronized (Hits.class) {
      Hits.count++;
    }
    t.join();
  }

  public static void main(String[] args) throws Exception {
    System.out.println("Static reset benchmark on " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + "; reset: "
        + StaticBaselines.classCount() + " classes, " + StaticBaselines.fieldCount()
        + " fields; skipped: " + StaticBaselines.skippedCount() + " classes");
    compare("2 threads x 10 synchronized HashMap ops", RuntimeBenchmark::synchronizedHashMap);
    compare("2 threads x 1 static counter update", StaticResetBenchmark::countsInAStaticField);
    long start = System.nanoTime();
    int written = 0;
    for (int i = 0; i < RESETS; i++) written += StaticBaselines.restoreAll();
    double nanos = (System.nanoTime() - start) / (double) RESETS;
    System.out.printf("one reset of every class, nothing changed: %.0f ns (%d writes)%n", nanos,
        written);
  }

  private static void compare(String name, Weft.Body body) {
    run(body, true, WARMUP_EXECUTIONS);
    run(body, false, WARMUP_EXECUTIONS);
    double[] on = new double[PAIRS];
    double[] off = new double[PAIRS];
    double[] cost = new double[PAIRS];
    for (int r = 0; r < PAIRS; r++) {
      on[r] = rate(body, true);
      off[r] = rate(body, false);
      cost[r] = off[r] / on[r] - 1;
    }
    Arrays.sort(on);
    Arrays.sort(off);
    Arrays.sort(cost);
    System.out.printf("%-40s reset on  %6.0f executions/s, off %6.0f; extra time %.1f%%"
        + " (pairs: min %.1f%%, max %.1f%%)%n", name, on[PAIRS / 2], off[PAIRS / 2],
        100 * cost[PAIRS / 2], 100 * cost[0], 100 * cost[PAIRS - 1]);
  }

  private static double rate(Weft.Body body, boolean reset) {
    long start = System.nanoTime();
    run(body, reset, EXECUTIONS_PER_ROUND);
    return EXECUTIONS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
  }

  private static void run(Weft.Body body, boolean reset, int executions) {
    Result result = Weft.explore(Options.defaults().iterations(executions)
        .strategy(Strategy.POS).seed(1).resetStatics(reset), body);
    if (result.failed()) {
      throw new IllegalStateException("benchmark program failed:\n" + result.report());
    }
  }
}
