package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import java.lang.reflect.Field;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Says which lock a java.util.concurrent lock object stands for, so that the lock set of a race
 * report names it the way users think of it. The read and write locks of one
 * ReentrantReadWriteLock are two objects that share one state (their {@code sync}); the views of
 * a StampedLock ({@code asReadLock()}, {@code asWriteLock()}) belong to it. Both are keyed by
 * that shared object, so that a report can tell "the read lock of the same lock" from "another
 * lock". Reads private fields, which the agent opens to Weft ({@code openForDiagnostics}).
 */
final class ConcurrentLocks {
  private ConcurrentLocks() {}

  /**
   * One lock in one mode. {@code key} is the identity shared by all views of the lock; {@code
   * owner} names it ({@code ReentrantLock@1a2b}); {@code readWrite} says it has separate read
   * and write modes, {@code shared} which one was taken.
   */
  record Identity(Object key, String owner, boolean readWrite, boolean shared) {
    /** {@code ReentrantLock@1a2b}, {@code read lock of ReentrantReadWriteLock@1a2b}. */
    String name() {
      return readWrite ? (shared ? "read lock of " : "write lock of ") + owner : owner;
    }
  }

  private static final Field READ_LOCK_SYNC = field(ReentrantReadWriteLock.ReadLock.class, "sync");
  private static final Field WRITE_LOCK_SYNC =
      field(ReentrantReadWriteLock.WriteLock.class, "sync");
  private static final String STAMPED = "java.util.concurrent.locks.StampedLock";
  private static final Field STAMPED_READ_VIEW = field(STAMPED + "$ReadLockView", "this$0");
  private static final Field STAMPED_WRITE_VIEW = field(STAMPED + "$WriteLockView", "this$0");

  /**
   * The lock {@code lock} stands for, taken in {@code mode} (a {@link Hooks} constant), or null
   * for a Lock implementation of the application's own (it is built on locks or monitors that are
   * tracked where its code takes them).
   */
  static Identity identify(Object lock, int mode) {
    if (mode == Hooks.STAMP_READ || mode == Hooks.STAMP_WRITE) {
      return new Identity(lock, name(lock), true, mode == Hooks.STAMP_READ);
    }
    if (lock instanceof ReentrantLock) return new Identity(lock, name(lock), false, false);
    if (lock instanceof ReentrantReadWriteLock.ReadLock) {
      return readWriteView(lock, READ_LOCK_SYNC, "ReentrantReadWriteLock", true);
    }
    if (lock instanceof ReentrantReadWriteLock.WriteLock) {
      return readWriteView(lock, WRITE_LOCK_SYNC, "ReentrantReadWriteLock", false);
    }
    String type = lock.getClass().getName();
    if (type.startsWith(STAMPED)) {
      if (type.endsWith("$ReadLockView")) return stampedView(lock, STAMPED_READ_VIEW, true);
      if (type.endsWith("$WriteLockView")) return stampedView(lock, STAMPED_WRITE_VIEW, false);
    }
    return null;
  }

  /** The ReentrantReadWriteLock itself is not reachable from its views: their common sync is. */
  private static Identity readWriteView(Object view, Field sync, String family, boolean shared) {
    Object key = read(sync, view);
    if (key == null) {
      // Not readable: each view stands for itself, named after its own class.
      return new Identity(view, name(view), false, false);
    }
    return new Identity(key, family + "@" + hex(key), true, shared);
  }

  private static Identity stampedView(Object view, Field outer, boolean shared) {
    Object stamped = read(outer, view);
    if (stamped == null) return new Identity(view, name(view), false, false);
    return new Identity(stamped, name(stamped), true, shared);
  }

  /** {@code ReentrantLock@1a2b}; an application subclass keeps its own name. */
  static String name(Object o) {
    Class<?> type = o.getClass();
    String simple = type.getSimpleName();
    if (simple.isEmpty()) simple = type.getName().substring(type.getName().lastIndexOf('.') + 1);
    return simple + "@" + hex(o);
  }

  private static String hex(Object o) {
    return Integer.toHexString(System.identityHashCode(o));
  }

  private static Object read(Field field, Object from) {
    if (field == null) return null;
    try {
      return field.get(from);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Field field(String className, String name) {
    try {
      return field(Class.forName(className, false, null), name);
    } catch (ClassNotFoundException | LinkageError absent) {
      return null;
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException notOpen) {
      return null;
    }
  }
}
