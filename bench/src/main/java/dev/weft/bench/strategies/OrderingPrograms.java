package dev.weft.bench.strategies;

import dev.weft.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordering bugs among many threads: one checker and {@code n - 1} setters. Each setter publishes
 * a pair, {@code a = 1; b = -1}, and the checker expects {@code b == -1} whenever it sees {@code
 * a == 1}. The bug shows only when the checker reads both between some setter's two writes and
 * before any setter's second one: the more setters, the sooner one of them closes the window.
 * The fix writes {@code b} before {@code a}, so seeing {@code a} implies seeing {@code b}.
 */
final class OrderingPrograms {
  private OrderingPrograms() {}

  /** The checker and {@code threads - 1} setters. */
  static BugProgram checkerAndSetters(int threads) {
    return new BugProgram("ordering-" + threads,
        "ordering: 1 checker, " + (threads - 1) + " setter" + (threads == 2 ? "" : "s"),
        Failure.Kind.EXCEPTION, () -> run(threads, false), () -> run(threads, true));
  }

  /** Volatile, so the bug is an ordering bug and never a data race. */
  private static final class Pair {
    volatile int a;
    volatile int b;
  }

  private static void run(int threads, boolean fixed) throws InterruptedException {
    Pair pair = new Pair();
    List<Runnable> bodies = new ArrayList<>(threads);
    bodies.add(() -> {
      int seenA = pair.a;
      int seenB = pair.b;
      Threads.check(seenA == 0 || seenB == -1, "saw a = " + seenA + " but b = " + seenB);
    });
    for (int i = 1; i < threads; i++) {
      bodies.add(fixed ? () -> {
        pair.b = -1;
        pair.a = 1;
      } : () -> {
        pair.a = 1;
        pair.b = -1;
      });
    }
    Threads.runAll(bodies);
  }
}
