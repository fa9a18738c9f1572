package dev.weft.internal.failure;

import java.util.Objects;

/**
 * A lock in the mode it is held or wanted: a monitor, an exclusive lock, or the read or write
 * lock of a read-write lock. All modes of one lock share {@link #lock}, so a report can tell "the
 * read lock of the same lock" from "another lock".
 */
public record LockRef(ObjectId lock, Mode mode) {

  /** How a lock is held. */
  public enum Mode {
    /** The monitor of an object ({@code synchronized}). */
    MONITOR,
    /** A lock without separate read and write modes ({@code ReentrantLock}). */
    EXCLUSIVE,
    /** The shared mode of a read-write lock. */
    READ,
    /** The exclusive mode of a read-write lock. */
    WRITE
  }

  public LockRef {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(mode, "mode");
  }

  /** Whether holding it lets other threads hold it too. */
  public boolean shared() {
    return mode == Mode.READ;
  }

  /** Whether {@code other} is a mode of the same lock. */
  public boolean sameLock(LockRef other) {
    return lock.equals(other.lock);
  }
}
