package dev.weft.bench;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much shrinking simplifies failures, and what it costs: for each buggy program, over several
 * seeds with the random-walk strategy (whose failing schedules are the longest), the median time
 * of the whole exploration and the preemptions and steps before and after shrinking.
 */
public final class ShrinkBenchmark {
  private ShrinkBenchmark() {}

  private static final Pattern SHRUNK =
      Pattern.compile("Shrunk from (\\d+) preemptions? / (\\d+) steps? to (\\d+) / (\\d+)");
  private static final int SEEDS = 9;

  public static void main(String[] args) {
    Map<String, Weft.Body> programs = new LinkedHashMap<>();
    programs.put("lost update, 2 threads x 3", ShrinkBenchmark::lostUpdate);
    programs.put("HashMap race, 2 threads x 5 merges", ShrinkBenchmark::mapRace);
    programs.put("lock-order deadlock", ShrinkBenchmark::deadlock);
    System.out.println("Weft shrinking benchmark (RANDOM strategy, " + SEEDS + " seeds each)");
    for (Map.Entry<String, Weft.Body> e : programs.entrySet()) {
      List<long[]> rows = new ArrayList<>();
      for (int seed = 1; seed <= SEEDS; seed++) {
        long start = System.nanoTime();
        Result r = Weft.explore(Options.defaults().strategy(Strategy.RANDOM).seed(seed)
            .iterations(2000), e.getValue());
        long millis = (System.nanoTime() - start) / 1_000_000;
        Matcher m = SHRUNK.matcher(r.report());
        if (!r.failed() || !m.find()) continue;
        rows.add(new long[] {millis, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
      }
      System.out.printf("%-36s found %d/%d  median ms %5d  preemptions %3d -> %d  steps %4d -> %d%n",
          e.getKey(), rows.size(), SEEDS, median(rows, 0), median(rows, 1), median(rows, 3),
          median(rows, 2), median(rows, 4));
    }
  }

  private static long median(List<long[]> rows, int column) {
    if (rows.isEmpty()) return -1;
    long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  static void lostUpdate() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    Runnable inc = () -> {
      for (int i = 0; i < 3; i++) {
        int v = counter.get();
        counter.set(v + 1);
      }
    };
    runBoth(inc, inc);
    if (counter.get() != 6) throw new AssertionError("lost update");
  }

  static void mapRace() throws InterruptedException {
    Map<String, Integer> map = new HashMap<>();
    runBoth(() -> {
      for (int i = 0; i < 5; i++) map.merge("a" + i, 1, Integer::sum);
    }, () -> {
      for (int i = 0; i < 5; i++) map.merge("b" + i, 1, Integer::sum);
    });
  }

  static void deadlock() throws InterruptedException {
    Object a = new Object();
    Object b = new Object();
    runBoth(() -> {
      synchronized (a) {
        synchronized (b) {
          a.hashCode();
        }
      }
    }, () -> {
      synchronized (b) {
        synchronized (a) {
          b.hashCode();
        }
      }
    });
  }

  private static void runBoth(Runnable first, Runnable second) throws InterruptedException {
    Thread t1 = new Thread(first);
    Thread t2 = new Thread(second);
    t1.start();
    t2.start();
    t1.join();
    t2.join();
  }
}
