package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Vector;

/**
 * What modelling synchronized JDK methods at the application's calls costs: calls whose
 * signature a synchronized JDK method has ({@code List.get}, {@code size}, {@code Object.hashCode})
 * go through a helper that asks, for the receiver's class, whether the method is synchronized.
 * Run twice, with and without {@code -Dweft.internal.noMonitorCallHelpers=true} in the JVM
 * arguments, and compare: nanoseconds per call outside an exploration, and executions per second
 * of a small program inside one.
 */
public final class MonitorCallBenchmark {
  private MonitorCallBenchmark() {}

  private static final int CALLS = 50_000_000;
  private static volatile long sink;

  /** {@code List.get} and {@code size} on a list that is no Vector: checked, never locked. */
  static long readThroughTheInterface(List<Integer> list, int calls) {
    long sum = 0;
    for (int i = 0; i < calls; i++) sum += list.get(i & 15) + list.size();
    return sum;
  }

  /** Two threads, each 20 calls on a shared Vector (a modelled monitor) and 20 on a plain list. */
  static void smallProgram() throws InterruptedException {
    List<Integer> vector = new Vector<>(List.of(1, 2, 3));
    List<Integer> plain = Arrays.asList(4, 5, 6);
    Runnable work = () -> {
      long sum = 0;
      for (int i = 0; i < 20; i++) sum += vector.get(i % 3) + plain.get(i % 3);
      sink = sum;
    };
    Thread other = new Thread(work);
    other.start();
    work.run();
    other.join();
  }

  public static void main(String[] args) {
    boolean helpers = !Boolean.getBoolean("weft.internal.noMonitorCallHelpers");
    System.out.println("Monitor-call helpers " + (helpers ? "on" : "off") + ", Java "
        + System.getProperty("java.version"));
    List<Integer> list = Arrays.asList(new Integer[16]);
    for (int i = 0; i < 16; i++) list.set(i, i);
    for (int round = 0; round < 3; round++) sink = readThroughTheInterface(list, CALLS);
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      sink = readThroughTheInterface(list, CALLS);
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf(Locale.ROOT, "outside an exploration: %.2f ns per List.get + size%n",
        best / (double) CALLS);
    Options options = Options.defaults().iterations(2_000).seed(1L);
    Weft.explore(options, MonitorCallBenchmark::smallProgram);
    double bestRate = 0;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      Result result = Weft.explore(options, MonitorCallBenchmark::smallProgram);
      if (result.failed()) throw new AssertionError(result.report());
      bestRate = Math.max(bestRate, result.executions() / ((System.nanoTime() - start) / 1e9));
    }
    System.out.printf(Locale.ROOT, "inside: %.0f executions/s (2 threads x 20 Vector.get"
        + " + 20 List.get)%n", bestRate);
  }
}
