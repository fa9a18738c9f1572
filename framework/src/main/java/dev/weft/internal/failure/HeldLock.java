package dev.weft.internal.failure;

import java.util.Objects;

/**
 * A lock a thread held at an access, with where the application took it.
 *
 * @param lock the lock and its mode
 * @param takenAt the application line that took it (the outermost acquisition), or null when
 *     unknown
 */
public record HeldLock(LockRef lock, StackTraceElement takenAt) {

  public HeldLock {
    Objects.requireNonNull(lock, "lock");
  }
}
