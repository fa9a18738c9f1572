package dev.weft.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Brings the common pool to one state before every exploration and replay: all its workers
 * started and idle. Executions then always meet parked workers and adopt them the same way, so a
 * schedule recorded in one JVM (or after other tests used the pool) replays in another, whether
 * or not the pool had been used before.
 */
final class CommonPoolWarmUp {
  private CommonPoolWarmUp() {}

  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  static void warmUp() {
    ForkJoinPool pool = ForkJoinPool.commonPool();
    int workers = pool.getParallelism();
    if (workers < 1) return;
    CountDownLatch allRunning = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < workers; i++) {
      pool.execute(() -> {
        allRunning.countDown();
        awaitQuietly(release);
      });
    }
    // With every worker busy at once, the pool has started all of them.
    awaitQuietly(allRunning, 2, TimeUnit.SECONDS);
    release.countDown();
    awaitParked(pool);
  }

  /** Waits until no worker of the pool is running (they are back in their idle park). */
  private static void awaitParked(ForkJoinPool pool) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      if (pool.isQuiescent() && allWorkersParked()) return;
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static boolean allWorkersParked() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()) {
        Thread.State s = t.getState();
        if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) return false;
      }
    }
    return true;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    awaitQuietly(latch, 2, TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CountDownLatch latch, long time, TimeUnit unit) {
    try {
      latch.await(time, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
