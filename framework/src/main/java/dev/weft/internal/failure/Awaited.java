package dev.weft.internal.failure;

import java.util.Objects;

/** What a blocked thread of a deadlock waits for. */
public sealed interface Awaited {

  /** The typed value the trace events about it carry ({@link TraceEvent#subject}), or null. */
  Object subject();

  /** To enter the monitor of {@code monitor} ({@code synchronized}, or again after a wait). */
  record Monitor(ObjectId monitor) implements Awaited {
    public Monitor {
      Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** A notify in the wait set of {@code monitor} ({@code Object.wait}). */
  record Notify(ObjectId monitor) implements Awaited {
    public Notify {
      Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** The end of {@code target} ({@code Thread.join}). */
  record Join(ThreadRef target) implements Awaited {
    public Join {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public Object subject() {
      return target;
    }
  }

  /** A {@code java.util.concurrent} lock. */
  record Lock(LockRef lock) implements Awaited {
    public Lock {
      Objects.requireNonNull(lock, "lock");
    }

    @Override
    public Object subject() {
      return lock.lock();
    }
  }

  /**
   * An unpark: parked on {@code blocker} (a latch, a future, a queue), or on nothing (null).
   */
  record Unpark(ObjectId blocker) implements Awaited {
    @Override
    public Object subject() {
      return blocker;
    }
  }
}
