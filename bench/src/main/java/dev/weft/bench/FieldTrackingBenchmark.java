package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.Arrays;

/**
 * What field race detection costs: executions per second with plain fields and array elements
 * tracked and not tracked (collection races are checked in both), on the runtime benchmark's
 * programs and two field-heavy ones. A main, not a test. Rounds alternate between the two sides,
 * so that drift of a busy machine falls on both alike; the extra time is the median of the paired
 * rounds.
 */
public final class FieldTrackingBenchmark {
  private FieldTrackingBenchmark() {}

  private static final int WARMUP_EXECUTIONS = 500;
  private static final int PAIRS = 7;
  private static final int EXECUTIONS_PER_ROUND = 500;

  /** A plain-field object each thread creates and updates 10,000 times: thread-confined. */
  static final class Tally {
    int count;
    long sum;
  }

  /** Two threads, each updating its own {@link Tally} 10,000 times. */
  static void threadConfinedTallies() throws InterruptedException {
    Runnable work = () -> {
      Tally mine = new Tally();
      for (int i = 0; i < 10_000; i++) {
        mine.count++;
        mine.sum += i;
      }
      if (mine.count != 10_000) throw new AssertionError(mine.count);
    };
    Thread t = new Thread(work);
    t.start();
    work.run();
    t.join();
  }

  /** Two threads, each updating one shared {@link Tally} 100 times under its monitor. */
  static void sharedTallyUnderALock() throws InterruptedException {
    Tally shared = new Tally();
    Runnable work = () -> {
      for (int i = 0; i < 100; i++) {
        synchronized (shared) {
          shared.count++;
          shared.sum += i;
        }
      }
    };
    Thread t = new Thread(work);
    t.start();
    work.run();
    t.join();
    if (shared.count != 200) throw new AssertionError(shared.count);
  }

  public static void main(String[] args) {
    System.out.println("Weft field tracking benchmark on "
        + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", PCT, " + EXECUTIONS_PER_ROUND
        + " executions a round, " + PAIRS + " pairs of rounds");
    String only = args.length > 0 ? args[0] : "";
    compare(only, "2 threads x 10 synchronized HashMap ops", RuntimeBenchmark::synchronizedHashMap);
    compare(only, "executor, 4 workers, 8 tasks", RuntimeBenchmark::executorEightTasks);
    compare(only, "2 thread-confined objects x 10,000 updates",
        FieldTrackingBenchmark::threadConfinedTallies);
    compare(only, "1 shared object x 200 locked updates",
        FieldTrackingBenchmark::sharedTallyUnderALock);
  }

  /** Measures the program unless {@code only} (the first argument) is not part of its name. */
  static void compare(String only, String name, Weft.Body body) {
    if (!name.contains(only)) return;
    Options tracked = Options.defaults().seed(1);
    Options untracked = tracked.fieldRaceDetection(false);
    run(body, tracked, WARMUP_EXECUTIONS);
    run(body, untracked, WARMUP_EXECUTIONS);
    double[] on = new double[PAIRS];
    double[] off = new double[PAIRS];
    double[] extra = new double[PAIRS];
    for (int r = 0; r < PAIRS; r++) {
      on[r] = rate(body, tracked);
      off[r] = rate(body, untracked);
      extra[r] = off[r] / on[r] - 1;
    }
    Arrays.sort(on);
    Arrays.sort(off);
    Arrays.sort(extra);
    System.out.printf("%-44s tracked %7.0f exec/s, untracked %7.0f exec/s, extra time median"
        + " %4.0f%% (min %.0f%%, max %.0f%%)%n", name, on[PAIRS / 2], off[PAIRS / 2],
        100 * extra[PAIRS / 2], 100 * extra[0], 100 * extra[PAIRS - 1]);
  }

  private static double rate(Weft.Body body, Options options) {
    long start = System.nanoTime();
    run(body, options, EXECUTIONS_PER_ROUND);
    return EXECUTIONS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
  }

  private static void run(Weft.Body body, Options options, int executions) {
    Result result = Weft.explore(options.iterations(executions), body);
    if (result.failed()) {
      throw new IllegalStateException("benchmark program failed:\n" + result.report());
    }
  }
}
