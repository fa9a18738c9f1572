package dev.weft.internal.runtime;

import java.util.List;

/**
 * The locks a thread held at one access, as the race report shows and reasons about them.
 * Immutable: a thread's set is built once when it changes and shared by all its accesses until
 * the next change.
 */
final class LockSet {
  /** How a lock is held: a monitor, an exclusive (write) lock, or a shared (read) lock. */
  enum Mode { MONITOR, EXCLUSIVE, SHARED }

  /**
   * One held lock. {@code key} identifies the lock (all views of one read-write lock share it);
   * {@code owner} names the lock ({@code ReentrantReadWriteLock@1a2b}); {@code name} the lock
   * in its mode ({@code read lock of ReentrantReadWriteLock@1a2b}); {@code text} adds where it
   * was taken.
   */
  record Entry(Object key, Mode mode, String owner, String name, String text) {}

  static final LockSet NONE = new LockSet(List.of());

  private final List<Entry> entries;
  private final String text;
  private final String names;

  LockSet(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    StringBuilder text = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (Entry e : this.entries) {
      if (text.length() > 0) {
        text.append(", ");
        names.append(", ");
      }
      text.append(e.text());
      names.append(e.name());
    }
    this.text = text.toString();
    this.names = names.toString();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Entry> entries() {
    return entries;
  }

  /** {@code monitor of Object@1a2b (locked at Foo.java:12), ReentrantLock@3c4d (...)}. */
  String text() {
    return text;
  }

  /** {@code monitor of Object@1a2b, ReentrantLock@3c4d}: the locks without where they were taken. */
  String names() {
    return names;
  }

  /** Whether this set holds the lock {@code key} in a mode that excludes everyone else. */
  boolean holdsExclusively(Object key) {
    for (Entry e : entries) {
      if (e.key() == key && e.mode() != Mode.SHARED) return true;
    }
    return false;
  }

  /** A read lock that both sets hold, and neither holds for writing; or null. */
  Entry sharedReadLock(LockSet other) {
    for (Entry e : entries) {
      if (e.mode() != Mode.SHARED || holdsExclusively(e.key())) continue;
      for (Entry o : other.entries) {
        if (o.key() == e.key() && o.mode() == Mode.SHARED && !other.holdsExclusively(e.key())) {
          return e;
        }
      }
    }
    return null;
  }

  /** A read lock held without the write lock of the same lock; or null. */
  Entry readLockOnly() {
    for (Entry e : entries) {
      if (e.mode() == Mode.SHARED && !holdsExclusively(e.key())) return e;
    }
    return null;
  }
}
