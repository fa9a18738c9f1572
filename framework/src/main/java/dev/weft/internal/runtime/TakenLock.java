package dev.weft.internal.runtime;

/**
 * A java.util.concurrent lock that application code of a controlled thread took and has not
 * released yet, with its hold count (ReentrantLock and the read and write locks are reentrant).
 */
final class TakenLock {
  final ConcurrentLocks.Identity lock;
  /** Where the application took it first (the outermost acquisition), or -1. */
  final int site;
  int count = 1;

  TakenLock(ConcurrentLocks.Identity lock, int site) {
    this.lock = lock;
    this.site = site;
  }

  boolean is(Object key, boolean shared) {
    return lock.key() == key && lock.shared() == shared;
  }
}
