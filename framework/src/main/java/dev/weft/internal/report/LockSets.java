package dev.weft.internal.report;

import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.LockRef;
import java.util.List;
import java.util.stream.Collectors;

/** The locks a thread held, in words, and what two such sets say about ordering. */
final class LockSets {
  private LockSets() {}

  /** {@code monitor of Object@1a2b (locked at Foo.java:12), ReentrantLock@3c4d}, or {@code none}. */
  static String text(List<HeldLock> locks) {
    if (locks.isEmpty()) return "none";
    return locks.stream().map(LockSets::text).collect(Collectors.joining(", "));
  }

  private static String text(HeldLock held) {
    StackTraceElement at = held.takenAt();
    if (at == null) return Names.lock(held.lock());
    String where = Names.where(at);
    return Names.lock(held.lock()) + (at.getLineNumber() < 0 ? " (locked in " : " (locked at ")
        + where + ")";
  }

  /** {@code monitor of Object@1a2b, ReentrantLock@3c4d}: without where they were taken. */
  static String names(List<HeldLock> locks) {
    return locks.stream().map(h -> Names.lock(h.lock())).collect(Collectors.joining(", "));
  }

  /** Whether {@code locks} hold {@code lock} in a mode that excludes everyone else. */
  static boolean holdsExclusively(List<HeldLock> locks, LockRef lock) {
    for (HeldLock h : locks) {
      if (h.lock().sameLock(lock) && !h.lock().shared()) return true;
    }
    return false;
  }

  /** A read lock that both sets hold, and neither holds for writing; or null. */
  static LockRef sharedReadLock(List<HeldLock> a, List<HeldLock> b) {
    for (HeldLock e : a) {
      if (!e.lock().shared() || holdsExclusively(a, e.lock())) continue;
      for (HeldLock o : b) {
        if (o.lock().sameLock(e.lock()) && o.lock().shared() && !holdsExclusively(b, e.lock())) {
          return e.lock();
        }
      }
    }
    return null;
  }

  /** A read lock held without the write lock of the same lock; or null. */
  static LockRef readLockOnly(List<HeldLock> locks) {
    for (HeldLock h : locks) {
      if (h.lock().shared() && !holdsExclusively(locks, h.lock())) return h.lock();
    }
    return null;
  }
}
