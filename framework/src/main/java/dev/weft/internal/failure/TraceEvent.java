package dev.weft.internal.failure;

import java.util.Objects;

/**
 * What a thread did at one step of a traced execution, as a typed value: the runtime records one
 * of these per event ({@code TraceRecorder}, one method per kind), the report package words it.
 * A new kind of event is one record here and one case in the report package's {@code
 * EventText}.
 */
public sealed interface TraceEvent {

  /**
   * The object (or thread, or field) the step touches, or null: the interleaving keeps every step
   * on a {@link FailureDetails#subjects()} of the failure.
   */
  Object subject();

  /**
   * Whether the step is routine synchronization (a volatile access, an atomic or library call, a
   * park without blocker, an unpark): only such steps are folded when a table gets too long.
   */
  default boolean minor() {
    return false;
  }

  /** Started another thread. */
  record Started(ThreadRef child) implements TraceEvent {
    @Override
    public Object subject() {
      return child;
    }
  }

  /** The thread's run ended. */
  record Ended() implements TraceEvent {
    @Override
    public Object subject() {
      return null;
    }
  }

  /** The thread failed with an exception of class {@code exceptionClass} (binary name). */
  record Threw(String exceptionClass) implements TraceEvent {
    public Threw {
      Objects.requireNonNull(exceptionClass, "exceptionClass");
    }

    @Override
    public Object subject() {
      return null;
    }
  }

  /** Waits for {@code target} to end. */
  record Joins(ThreadRef target) implements TraceEvent {
    @Override
    public Object subject() {
      return target;
    }
  }

  /** Blocks on a monitor {@code owner} holds. */
  record WaitsForMonitor(ObjectId monitor, ThreadRef owner) implements TraceEvent {
    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** Took a lock (a monitor or a java.util.concurrent lock of the application's). */
  record Locks(LockRef lock) implements TraceEvent {
    @Override
    public Object subject() {
      return lock.lock();
    }
  }

  /** Released a lock. */
  record Unlocks(LockRef lock) implements TraceEvent {
    @Override
    public Object subject() {
      return lock.lock();
    }
  }

  /** {@code Object.wait}: released the monitor and joined its wait set. */
  record WaitsOn(ObjectId monitor) implements TraceEvent {
    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** Why a waiting thread left the wait set. */
  enum Wake { NOTIFIED, TIMED_OUT, INTERRUPTED }

  /** Left {@code monitor}'s wait set for {@code why} and took the monitor again. */
  record Resumes(ObjectId monitor, Wake why) implements TraceEvent {
    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** {@code notify} or {@code notifyAll}. */
  record Notifies(ObjectId monitor, boolean all) implements TraceEvent {
    @Override
    public Object subject() {
      return monitor;
    }
  }

  /** Parked on {@code blocker} (a lock, latch or future), or without one (null). */
  record Parks(ObjectId blocker) implements TraceEvent {
    @Override
    public Object subject() {
      return blocker;
    }

    /** A park with a blocker explains the switch that follows: it is never folded. */
    @Override
    public boolean minor() {
      return blocker == null;
    }
  }

  /** Unparked {@code target}. */
  record Unparks(ThreadRef target) implements TraceEvent {
    @Override
    public Object subject() {
      return target;
    }

    @Override
    public boolean minor() {
      return true;
    }
  }

  /** Read or wrote a volatile field. */
  record VolatileAccess(FieldId field, boolean write) implements TraceEvent {
    @Override
    public Object subject() {
      return field;
    }

    @Override
    public boolean minor() {
      return true;
    }
  }

  /**
   * Called an atomic or {@code java.util.concurrent} method {@code method} of {@code owner} (a
   * binary class name, as the call site names it: {@code java.util.concurrent.ConcurrentMap}); both
   * are null when the call site does not tell which of its calls it was.
   */
  record LibraryCall(String owner, String method) implements TraceEvent {
    @Override
    public Object subject() {
      return null;
    }

    @Override
    public boolean minor() {
      return true;
    }
  }

  /**
   * A read or write of a plain field or array element ({@code name}: {@code Counter.n}, {@code
   * int[1]}), with the value read or written (null: not known). Minor: runs of them fold, except
   * the accesses of a race.
   */
  record FieldAccess(FieldLocation.Slot slot, String name, boolean write, Value value)
      implements TraceEvent {
    public FieldAccess {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Object subject() {
      return slot;
    }

    @Override
    public boolean minor() {
      return true;
    }
  }

  /** An operation on a tracked collection, with its argument (null: it takes none). */
  record CollectionAccess(ObjectId collection, String operation, Value argument)
      implements TraceEvent {
    public CollectionAccess {
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(operation, "operation");
    }

    @Override
    public Object subject() {
      return collection;
    }
  }
}
