package dev.weft.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Weft controls one exploration or replay per JVM at a time: the controlled runtime, the agent's
 * hooks and the common pool's workers are JVM-wide. Callers on several threads (tests that JUnit
 * runs in parallel, or an application's own threads) take turns here, fairly, in arrival order.
 */
final class ExplorationLock {
  private ExplorationLock() {}

  private static final ReentrantLock LOCK = new ReentrantLock(true);

  static <T> T exclusively(Supplier<T> run) {
    LOCK.lock();
    try {
      return run.get();
    } finally {
      LOCK.unlock();
    }
  }
}
