package dev.weft.boot;

/** The {@code java.util.concurrent} locks application code takes, for the locks held in reports. */
public interface LockHooks {

  /**
   * Application code took a java.util.concurrent lock: a {@code Lock} (ReentrantLock, a read or
   * write lock of a ReentrantReadWriteLock, a StampedLock view) with {@code mode} {@link
   * Hooks#LOCK_OBJECT}, or a StampedLock with {@link Hooks#STAMP_READ} or {@link
   * Hooks#STAMP_WRITE}. Called after the lock was taken for real (a failed tryLock is not).
   */
  void lockAcquired(Object lock, int mode, int site);

  /** Application code released a lock reported by {@link #lockAcquired} (after the real unlock). */
  void lockReleased(Object lock, int mode, int site);
}
