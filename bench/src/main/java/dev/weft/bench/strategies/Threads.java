package dev.weft.bench.strategies;

import java.util.ArrayList;
import java.util.List;

/** Starting and joining the threads of a corpus program. */
final class Threads {
  private Threads() {}

  /** Starts every runnable in order on a thread of its own, then joins them all. */
  static void runAll(List<Runnable> bodies) throws InterruptedException {
    List<Thread> threads = new ArrayList<>(bodies.size());
    for (Runnable body : bodies) {
      Thread thread = new Thread(body);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join();
  }

  /** Starts two threads, then joins both. */
  static void runBoth(Runnable first, Runnable second) throws InterruptedException {
    runAll(List.of(first, second));
  }

  /** Throws the assertion error the bench's checks fail with. */
  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }
}
