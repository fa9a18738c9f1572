package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What an execution costs with virtual threads instead of platform threads (JDK 24+): the same
 * programs, their threads made by {@code Thread.ofVirtual().factory()} or by {@code new Thread},
 * in alternating rounds; the ratio is the median of the pairs.
 */
public final class VirtualThreadBenchmark {
  private VirtualThreadBenchmark() {}

  private static final int WARMUP_EXECUTIONS = 2_000;
  private static final int PAIRS = 7;
  private static final int EXECUTIONS_PER_ROUND = 2_000;

  /** Makes the threads of a program. */
  interface Threads {
    Thread start(Runnable task);
  }

  /** A program over threads made by {@link Threads}. */
  interface Program {
    void run(Threads threads) throws Throwable;
  }

  static void atomicCounter(Threads threads) throws InterruptedException {
    AtomicInteger c = new AtomicInteger();
    Thread a = threads.start(c::incrementAndGet);
    Thread b = threads.start(c::incrementAndGet);
    a.join();
    b.join();
  }

  static void lockedIncrements(Threads threads) throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    int[] n = {0};
    Runnable tenTimes = () -> {
      for (int i = 0; i < 10; i++) {
        lock.lock();
        try {
          n[0]++;
        } finally {
          lock.unlock();
        }
      }
    };
    Thread a = threads.start(tenTimes);
    Thread b = threads.start(tenTimes);
    a.join();
    b.join();
  }

  public static void main(String[] args) throws Throwable {
    if (Runtime.version().feature() < 24) {
      System.out.println("Weft controls virtual threads on JDK 24+; this is "
          + System.getProperty("java.version"));
      return;
    }
    MethodHandle ofVirtual = MethodHandles.publicLookup().findStatic(Thread.class, "ofVirtual",
        MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
    MethodHandle factory = MethodHandles.publicLookup().findVirtual(
        Class.forName("java.lang.Thread$Builder"), "factory",
        MethodType.methodType(ThreadFactory.class));
    ThreadFactory virtualFactory = (ThreadFactory) factory.invoke(ofVirtual.invoke());
    Threads virtual = task -> {
      Thread t = virtualFactory.newThread(task);
      t.start();
      return t;
    };
    Threads platform = task -> {
      Thread t = new Thread(task);
      t.start();
      return t;
    };
    System.out.println("Virtual thread benchmark on " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + ", POS, seed 1");
    compare("2 threads, 1 atomic increment each", VirtualThreadBenchmark::atomicCounter,
        platform, virtual);
    compare("2 threads x 10 ReentrantLock increments", VirtualThreadBenchmark::lockedIncrements,
        platform, virtual);
  }

  private static void compare(String name, Program program, Threads platform, Threads virtual) {
    Weft.Body onPlatform = () -> program.run(platform);
    Weft.Body onVirtual = () -> program.run(virtual);
    run(onPlatform, WARMUP_EXECUTIONS);
    run(onVirtual, WARMUP_EXECUTIONS);
    double[] p = new double[PAIRS];
    double[] v = new double[PAIRS];
    double[] ratio = new double[PAIRS];
    for (int r = 0; r < PAIRS; r++) {
      p[r] = rate(onPlatform);
      v[r] = rate(onVirtual);
      ratio[r] = p[r] / v[r];
    }
    Arrays.sort(p);
    Arrays.sort(v);
    Arrays.sort(ratio);
    System.out.printf("%-40s platform %6.0f executions/s, virtual %6.0f; virtual takes %.2fx"
        + " the time (pairs: %.2fx to %.2fx)%n", name, p[PAIRS / 2], v[PAIRS / 2],
        ratio[PAIRS / 2], ratio[0], ratio[PAIRS - 1]);
  }

  private static double rate(Weft.Body body) {
    long start = System.nanoTime();
    run(body, EXECUTIONS_PER_ROUND);
    return EXECUTIONS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
  }

  private static void run(Weft.Body body, int executions) {
    Result result = Weft.explore(Options.defaults().iterations(executions)
        .strategy(Strategy.POS).seed(1), body);
    if (result.failed()) {
      throw new IllegalStateException("benchmark program failed:\n" + result.report());
    }
  }
}
