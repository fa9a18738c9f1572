package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.FieldId;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.Value;
import java.util.List;

/**
 * Every event of an execution that the interleaving shows goes through here, one method per kind
 * of event, each recording one typed {@link TraceEvent} (the report package words them). Off
 * (every method returns at once) unless the execution is the traced run behind a report.
 */
final class TraceRecorder {
  /** Where the events go, or null when not tracing (the usual case). */
  private Trace trace;

  void into(Trace into) {
    this.trace = into;
  }

  /** Whether events are recorded: the traced run also captures full stacks. */
  boolean on() {
    return trace != null;
  }

  // ---- threads ---------------------------------------------------------------------------------

  void threadCreated(ControlledThread thread) {
    if (trace != null) trace.thread(thread.ref());
  }

  void threadStarted(ControlledThread parent, ControlledThread child) {
    if (trace != null) {
      trace.thread(child.ref());
      trace.add(parent.id, new TraceEvent.Started(child.ref()), child.createdAt);
    }
  }

  void threadEnded(ControlledThread thread) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Ended(), null);
  }

  /** A thread failed with {@code error}: the trace's last row for it. */
  void threw(ControlledThread thread, Throwable error) {
    if (trace != null) {
      trace.addMarked(thread.id, new TraceEvent.Threw(error.getClass().getName()),
          StackFrames.firstApplicationFrame(error.getStackTrace()));
    }
  }

  /** Nobody can run: marks where each blocked thread waits. */
  void deadlocked(List<ControlledThread> threads) {
    if (trace == null) return;
    for (ControlledThread t : threads) {
      if (t.isBlocked()) trace.markLastOf(t.id);
    }
  }

  void joins(ControlledThread thread, ControlledThread target, int site) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Joins(target.ref()), location(site));
  }

  // ---- monitors --------------------------------------------------------------------------------

  void waitsForMonitor(ControlledThread thread, Object lock, ControlledThread owner, int site) {
    if (trace != null) {
      trace.add(thread.id, new TraceEvent.WaitsForMonitor(ObjectId.of(lock), owner.ref()),
          location(site));
    }
  }

  void monitorLocked(ControlledThread thread, Object lock, int site) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Locks(monitor(lock)), location(site));
  }

  void monitorUnlocked(ControlledThread thread, Object lock) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Unlocks(monitor(lock)), null);
  }

  void waits(ControlledThread thread, Object lock, int site) {
    if (trace != null) trace.add(thread.id, new TraceEvent.WaitsOn(ObjectId.of(lock)), location(site));
  }

  /** A waiting thread left the wait set and took the monitor again. */
  void resumes(ControlledThread thread, Object lock, WakeReason reason, int site) {
    if (trace == null) return;
    TraceEvent.Wake why = switch (reason) {
      case TIMED_OUT -> TraceEvent.Wake.TIMED_OUT;
      case INTERRUPTED -> TraceEvent.Wake.INTERRUPTED;
      default -> TraceEvent.Wake.NOTIFIED;
    };
    trace.add(thread.id, new TraceEvent.Resumes(ObjectId.of(lock), why), location(site));
  }

  void notified(ControlledThread thread, Object lock, boolean all) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Notifies(ObjectId.of(lock), all), null);
  }

  // ---- parking ---------------------------------------------------------------------------------

  /** A park with a blocker is a thread waiting for a lock, latch or future. */
  void parks(ControlledThread thread, Object blocker) {
    if (trace != null) {
      trace.add(thread.id, new TraceEvent.Parks(blocker == null ? null : ObjectId.of(blocker)),
          applicationFrame());
    }
  }

  void unparks(ControlledThread thread, ControlledThread target) {
    if (trace != null) trace.add(thread.id, new TraceEvent.Unparks(target.ref()), null);
  }

  // ---- memory and java.util.concurrent ---------------------------------------------------------

  void volatileAccess(ControlledThread thread, int fieldId, boolean write, int site) {
    if (trace != null) {
      trace.add(thread.id,
          new TraceEvent.VolatileAccess(new FieldId(SiteRegistry.fieldName(fieldId)), write),
          location(site));
    }
  }

  /** An atomic or java.util.concurrent call at {@code site}. */
  void libraryCall(ControlledThread thread, int site) {
    if (trace == null) return;
    SiteRegistry.Callee callee = SiteRegistry.callee(site, null);
    trace.add(thread.id, callee == null ? new TraceEvent.LibraryCall(null, null)
        : new TraceEvent.LibraryCall(callee.owner(), callee.method()), location(site));
  }

  /**
   * The application announced which method its java.util.concurrent call at {@code site} is: it
   * names the call's row when the site alone did not tell.
   */
  void libraryCallIs(ControlledThread thread, int site, String method) {
    if (trace == null) return;
    SiteRegistry.Callee callee = SiteRegistry.callee(site, method);
    if (callee != null) {
      trace.nameLibraryCall(thread.id, location(site),
          new TraceEvent.LibraryCall(callee.owner(), callee.method()));
    }
  }

  /** A ConcurrentHashMap operation reached through a plain {@code Map}: its own step. */
  void concurrentMapCall(ControlledThread thread, String method) {
    if (trace != null) {
      trace.add(thread.id,
          new TraceEvent.LibraryCall("java.util.concurrent.ConcurrentHashMap", method),
          applicationFrame());
    }
  }

  /** Shown in place of the library call row of the same call. */
  void concurrentLockTaken(ControlledThread thread, LockRef lock, int site) {
    if (trace != null) {
      trace.addInPlaceOfLibraryCall(thread.id, new TraceEvent.Locks(lock), location(site));
    }
  }

  void concurrentLockReleased(ControlledThread thread, LockRef lock, int site) {
    if (trace != null) {
      trace.addInPlaceOfLibraryCall(thread.id, new TraceEvent.Unlocks(lock), location(site));
    }
  }

  // ---- collections -----------------------------------------------------------------------------

  /** A tracked collection operation; a race found later may mark it. */
  void collectionAccess(ControlledThread thread, Object collection, CollectionAccess access) {
    if (trace != null) {
      trace.add(thread.id, event(collection, access),
          StackFrames.firstApplicationFrame(access.stack()), access);
    }
  }

  /** {@code later} by {@code thread} completes {@code race}: both accesses are marked. */
  void race(ControlledThread thread, Race race, CollectionAccess later) {
    if (trace != null) {
      trace.mark(race.earlier());
      trace.addMarked(thread.id, event(race.collection(), later),
          StackFrames.firstApplicationFrame(later.stack()));
    }
  }

  private static TraceEvent event(Object collection, CollectionAccess access) {
    Value argument = access.argument() == RaceFinding.NO_ARGUMENT ? null
        : Value.of(access.argument());
    return new TraceEvent.CollectionAccess(ObjectId.of(collection), access.operation(), argument);
  }

  // ---- plain fields and array elements ---------------------------------------------------------

  /** A field or element access; a race found later may mark it. */
  void fieldAccess(ControlledThread thread, FieldAccess access, TraceEvent.FieldAccess event) {
    if (trace != null) trace.add(thread.id, event, access.location(), access);
  }

  /** The access that completes {@code race}: both accesses are marked. */
  void fieldRace(ControlledThread thread, FieldRace race, TraceEvent.FieldAccess event) {
    if (trace != null) {
      trace.mark(race.earlier());
      trace.addMarked(thread.id, event, race.later().location());
    }
  }

  private static LockRef monitor(Object lock) {
    return new LockRef(ObjectId.of(lock), LockRef.Mode.MONITOR);
  }

  /**
   * The line of a site. A monitor the JDK takes inside its own code ({@code PrintStream}'s) is
   * shown at the application's line that called into the JDK, which is the line a reader can act
   * on (this runs only in traced runs, so a stack walk costs nothing that matters).
   */
  private static StackTraceElement location(int site) {
    StackTraceElement where = site < 0 ? null : SiteRegistry.location(site);
    if (where != null && !StackFrames.isJdkFrame(where)) return where;
    StackTraceElement caller = applicationFrame();
    return caller != null ? caller : where;
  }

  private static StackTraceElement applicationFrame() {
    return StackFrames.firstApplicationFrame(new Throwable().getStackTrace());
  }
}
