package dev.weft.internal.failure;

import java.util.Objects;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * An object as a report names it: its class and identity hash, taken when the failure was found,
 * never its contents (an arbitrary {@code toString} may throw, block or touch the very object
 * being reported). Two views of one object (the read and write locks of one read-write lock, a
 * lock and the synchronizer it parks on) get the same id, so a report names one object one way
 * everywhere.
 *
 * @param className the binary name of the class users know the object by
 * @param identityHash {@link System#identityHashCode} of the object that stands for it
 */
public record ObjectId(String className, int identityHash) {

  public ObjectId {
    Objects.requireNonNull(className, "className");
  }

  /**
   * The id of {@code object}. A {@code java.util.concurrent} lock parks its threads on an inner
   * synchronizer ({@code ReentrantLock$NonfairSync}): that one is named after the lock that
   * declares it, keeping its own hash, which is also how {@link LockRef}s of such locks are keyed.
   */
  public static ObjectId of(Object object) {
    Objects.requireNonNull(object, "object");
    Class<?> type = object.getClass();
    Class<?> named = isSynchronizer(type) && type.getEnclosingClass() != null
        ? type.getEnclosingClass() : type;
    return new ObjectId(named.getName(), System.identityHashCode(object));
  }

  /** The same object named as an instance of {@code type} (a lock's view named after the lock). */
  public static ObjectId of(Object object, Class<?> type) {
    return new ObjectId(type.getName(), System.identityHashCode(object));
  }

  private static boolean isSynchronizer(Class<?> type) {
    return AbstractQueuedSynchronizer.class.isAssignableFrom(type)
        || AbstractQueuedLongSynchronizer.class.isAssignableFrom(type);
  }
}
