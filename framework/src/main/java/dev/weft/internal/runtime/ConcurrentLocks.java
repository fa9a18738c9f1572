package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import java.lang.reflect.Field;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Says which lock a java.util.concurrent lock object stands for, so that reports name it the way
 * users think of it, one way everywhere. The read and write locks of one ReentrantReadWriteLock
 * are two objects that share one state (their {@code sync}); the views of a StampedLock ({@code
 * asReadLock()}, {@code asWriteLock()}) belong to it. Both are keyed by that shared object, so
 * that a report can tell "the read lock of the same lock" from "another lock". A ReentrantLock is
 * keyed by its {@code sync} too: that is the object its waiting threads park on, so a deadlock
 * names the lock with the same id as the lock sets and the interleaving do. Reads private fields,
 * which the agent opens to Weft ({@code openForDiagnostics}).
 */
final class ConcurrentLocks {
  private ConcurrentLocks() {}

  /**
   * One lock in one mode. {@code key} is the identity shared by all views of the lock, {@code
   * ref} the lock as reports name it.
   */
  record Identity(Object key, LockRef ref) {
    boolean shared() {
      return ref.shared();
    }
  }

  private static final Field REENTRANT_LOCK_SYNC = field(ReentrantLock.class, "sync");
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
      return identity(lock, ObjectId.of(lock),
          mode == Hooks.STAMP_READ ? LockRef.Mode.READ : LockRef.Mode.WRITE);
    }
    if (lock instanceof ReentrantLock) {
      // An application subclass keeps its own name.
      Object sync = read(REENTRANT_LOCK_SYNC, lock);
      Object key = sync == null ? lock : sync;
      return identity(key, ObjectId.of(key, lock.getClass()), LockRef.Mode.EXCLUSIVE);
    }
    if (lock instanceof ReentrantReadWriteLock.ReadLock) {
      return readWriteView(lock, READ_LOCK_SYNC, LockRef.Mode.READ);
    }
    if (lock instanceof ReentrantReadWriteLock.WriteLock) {
      return readWriteView(lock, WRITE_LOCK_SYNC, LockRef.Mode.WRITE);
    }
    String type = lock.getClass().getName();
    if (type.startsWith(STAMPED)) {
      if (type.endsWith("$ReadLockView")) return stampedView(lock, STAMPED_READ_VIEW, true);
      if (type.endsWith("$WriteLockView")) return stampedView(lock, STAMPED_WRITE_VIEW, false);
    }
    return null;
  }

  private static Identity identity(Object key, ObjectId id, LockRef.Mode mode) {
    return new Identity(key, new LockRef(id, mode));
  }

  /** The ReentrantReadWriteLock itself is not reachable from its views: their common sync is. */
  private static Identity readWriteView(Object view, Field sync, LockRef.Mode mode) {
    Object key = read(sync, view);
    if (key == null) {
      // Not readable: each view stands for itself, named after its own class.
      return identity(view, ObjectId.of(view), LockRef.Mode.EXCLUSIVE);
    }
    return identity(key, ObjectId.of(key, ReentrantReadWriteLock.class), mode);
  }

  private static Identity stampedView(Object view, Field outer, boolean shared) {
    Object stamped = read(outer, view);
    if (stamped == null) return identity(view, ObjectId.of(view), LockRef.Mode.EXCLUSIVE);
    return identity(stamped, ObjectId.of(stamped),
        shared ? LockRef.Mode.READ : LockRef.Mode.WRITE);
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
