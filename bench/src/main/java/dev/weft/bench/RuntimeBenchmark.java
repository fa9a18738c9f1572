package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executions per second of the controlled runtime on small programs. A main, not a test: timing
 * belongs to benchmarks. Each scenario is warmed up, then measured over several rounds; the
 * median round is printed.
 */
public final class RuntimeBenchmark {
  private RuntimeBenchmark() {}

  private static final int WARMUP_EXECUTIONS = 2_000;
  private static final int ROUNDS = 5;
  private static final int EXECUTIONS_PER_ROUND = 2_000;

  /** Two threads, each doing 10 operations on a HashMap under one monitor. */
  static void synchronizedHashMap() throws InterruptedException {
    Map<Integer, Integer> map = new HashMap<>();
    Object lock = new Object();
    Runnable work = () -> {
      for (int i = 0; i < 10; i++) {
        synchronized (lock) {
          map.merge(i, 1, Integer::sum);
        }
      }
    };
    Thread t = new Thread(work);
    t.start();
    work.run();
    t.join();
  }

  /** An executor with 4 workers running 8 tasks, then shut down. */
  static void executorEightTasks() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 8; i++) {
      pool.execute(done::incrementAndGet);
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new AssertionError("not terminated");
  }

  public static void main(String[] args) {
    System.out.println("Weft runtime benchmark on " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version"));
    for (Strategy strategy : Strategy.values()) {
      compareDetection("2 threads x 10 synchronized HashMap ops", strategy,
          RuntimeBenchmark::synchronizedHashMap);
      measure("executor, 4 workers, 8 tasks", strategy, true,
          RuntimeBenchmark::executorEightTasks);
    }
  }

  /**
   * Race detection on against off, in alternating rounds so that drift of a busy machine (JIT,
   * other processes) falls on both sides alike; the cost is the median of the paired rounds.
   */
  static void compareDetection(String name, Strategy strategy, Weft.Body body) {
    run(body, strategy, true, WARMUP_EXECUTIONS);
    run(body, strategy, false, WARMUP_EXECUTIONS);
    int pairs = 2 * ROUNDS + 1;
    double[] on = new double[pairs];
    double[] off = new double[pairs];
    double[] cost = new double[pairs];
    for (int r = 0; r < pairs; r++) {
      on[r] = rate(body, strategy, true);
      off[r] = rate(body, strategy, false);
      cost[r] = 1 - on[r] / off[r];
    }
    java.util.Arrays.sort(on);
    java.util.Arrays.sort(off);
    java.util.Arrays.sort(cost);
    System.out.printf("%-42s %-6s median %8.0f executions/s  (min %.0f, max %.0f)%n", name,
        strategy, on[pairs / 2], on[0], on[pairs - 1]);
    System.out.printf("%-42s %-6s median %8.0f executions/s  (min %.0f, max %.0f)%n",
        "  same, race detection off", strategy, off[pairs / 2], off[0], off[pairs - 1]);
    System.out.printf("%-42s %-6s median %7.0f%%  of the execution time (paired rounds:"
        + " min %.0f%%, max %.0f%%)%n", "  cost of race detection", strategy,
        100 * cost[pairs / 2], 100 * cost[0], 100 * cost[pairs - 1]);
  }

  static void measure(String name, Strategy strategy, boolean detection, Weft.Body body) {
    run(body, strategy, detection, WARMUP_EXECUTIONS);
    double[] rates = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      rates[r] = rate(body, strategy, detection);
    }
    java.util.Arrays.sort(rates);
    System.out.printf("%-42s %-6s median %8.0f executions/s  (min %.0f, max %.0f)%n", name,
        strategy, rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1]);
  }

  private static double rate(Weft.Body body, Strategy strategy, boolean detection) {
    long start = System.nanoTime();
    run(body, strategy, detection, EXECUTIONS_PER_ROUND);
    return EXECUTIONS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
  }

  private static void run(Weft.Body body, Strategy strategy, boolean detection, int executions) {
    Result result = Weft.explore(Options.defaults().iterations(executions).strategy(strategy)
        .seed(1).raceDetection(detection), body);
    if (result.failed()) {
      throw new IllegalStateException("benchmark program failed:\n" + result.report());
    }
  }
}
