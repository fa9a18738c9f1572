package dev.weft.bench.strategies;

import dev.weft.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ordering bug that needs one thread to come last among many: a checker assumes it looks
 * before every setter is done, and each setter does {@code work} steps of its own (volatile
 * writes to an object no other thread touches) before it counts itself done. The checker fails
 * only when it runs after all setters' steps, so a random walk, which runs it almost at once,
 * needs every setter step to come first. The fix makes the assumption true: the setters start
 * their work only after the checker has looked.
 */
final class LateCheckerPrograms {
  private LateCheckerPrograms() {}

  /** The checker and {@code threads - 1} setters of {@code work} steps each. */
  static BugProgram checkerLast(int threads, int work) {
    return new BugProgram("checker-last-" + threads,
        "ordering: checker must not come last, " + (threads - 1) + " setters x " + work
            + " steps",
        Failure.Kind.EXCEPTION, () -> run(threads, work, false), () -> run(threads, work, true));
  }

  private static final class Progress {
    volatile int step;
  }

  private static void run(int threads, int work, boolean fixed) throws InterruptedException {
    int setters = threads - 1;
    AtomicInteger done = new AtomicInteger();
    CountDownLatch looked = new CountDownLatch(1);
    List<Runnable> bodies = new ArrayList<>(threads);
    bodies.add(() -> {
      int seen = done.get();
      looked.countDown();
      Threads.check(seen < setters, "every setter was done before the check");
    });
    for (int i = 0; i < setters; i++) {
      bodies.add(() -> {
        if (fixed) awaitQuietly(looked);
        Progress own = new Progress();
        for (int s = 1; s <= work; s++) own.step = s;
        done.incrementAndGet();
      });
    }
    Threads.runAll(bodies);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
