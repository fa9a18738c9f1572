package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import java.util.List;

/**
 * Every event of an execution that the interleaving table shows goes through here, one method per
 * kind of event, so that the words of a row are chosen in one place. Off (every method returns at
 * once) unless the execution is the traced run behind a report.
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
    if (trace != null) trace.nameThread(thread);
  }

  void threadStarted(ControlledThread parent, ControlledThread child) {
    if (trace != null) trace.add(parent, "starts T" + child.id, child.createdAt, false);
  }

  void threadEnded(ControlledThread thread) {
    if (trace != null) trace.add(thread, "ends", null, false);
  }

  /** A thread failed with {@code error}: the trace's last row for it. */
  void threw(ControlledThread thread, Throwable error) {
    if (trace != null) {
      trace.markLast(thread, "throws " + error.getClass().getSimpleName(),
          StackRendering.firstApplicationFrame(error.getStackTrace()));
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
    if (trace != null) trace.add(thread, "joins T" + target.id, location(site), false);
  }

  // ---- monitors --------------------------------------------------------------------------------

  void waitsForMonitor(ControlledThread thread, Object lock, ControlledThread owner, int site) {
    if (trace != null) {
      trace.add(thread, "waits for lock " + name(lock) + " held by T" + owner.id, location(site),
          false);
    }
  }

  void monitorLocked(ControlledThread thread, Object lock, int site) {
    if (trace != null) trace.add(thread, "locks " + name(lock), location(site), false);
  }

  void monitorUnlocked(ControlledThread thread, Object lock) {
    if (trace != null) trace.add(thread, "unlocks " + name(lock), null, false);
  }

  void waits(ControlledThread thread, Object lock, int site) {
    if (trace != null) trace.add(thread, "waits on " + name(lock), location(site), false);
  }

  void notified(ControlledThread thread, Object lock, boolean all) {
    if (trace != null) {
      trace.add(thread, (all ? "notifyAll " : "notify ") + name(lock), null, false);
    }
  }

  // ---- parking ---------------------------------------------------------------------------------

  /**
   * A park with a blocker is a thread waiting for a lock, latch or future: that explains the
   * switch that follows, so it is not folded away.
   */
  void parks(ControlledThread thread, Object blocker) {
    if (trace != null) {
      trace.add(thread, blocker == null ? "parks" : "waits for " + name(blocker), null,
          blocker == null);
    }
  }

  void unparks(ControlledThread thread, ControlledThread target) {
    if (trace != null) trace.add(thread, "unparks T" + target.id, null, true);
  }

  // ---- memory and java.util.concurrent ---------------------------------------------------------

  void volatileAccess(ControlledThread thread, int fieldId, boolean write, int site) {
    if (trace != null) {
      trace.add(thread, (write ? "writes " : "reads ") + "volatile "
          + SiteRegistry.fieldName(fieldId), location(site), true);
    }
  }

  /** An atomic or java.util.concurrent call at {@code site}. */
  void libraryCall(ControlledThread thread, int site) {
    if (trace != null) trace.add(thread, Trace.LIBRARY_CALL, location(site), true);
  }

  /** Shown in place of the library call row of the same call. */
  void concurrentLockTaken(ControlledThread thread, ConcurrentLocks.Identity lock, int site) {
    if (trace != null) trace.addReplacingLibraryCall(thread, "locks " + lock.name(), location(site));
  }

  void concurrentLockReleased(ControlledThread thread, ConcurrentLocks.Identity lock, int site) {
    if (trace != null) {
      trace.addReplacingLibraryCall(thread, "unlocks " + lock.name(), location(site));
    }
  }

  // ---- collections -----------------------------------------------------------------------------

  /** A tracked collection operation; a race found later may mark it. */
  void collectionAccess(ControlledThread thread, CollectionAccess access) {
    if (trace != null) trace.add(thread, text(access), firstApplicationFrame(access), access);
  }

  /** {@code later} by {@code thread} completes {@code race}: both accesses are marked. */
  void race(ControlledThread thread, Race race, CollectionAccess later) {
    if (trace != null) {
      trace.mark(race.earlier());
      trace.markLast(thread, text(later), firstApplicationFrame(later));
    }
  }

  // ---- plain fields and array elements ---------------------------------------------------------

  /** A field or element access (minor: runs of them fold); a race found later may mark it. */
  void fieldAccess(ControlledThread thread, FieldAccess access, String location) {
    if (trace != null) {
      trace.addMinor(thread, text(access, location), access.location(), access);
    }
  }

  /** The access that completes {@code race}: both accesses are marked. */
  void fieldRace(ControlledThread thread, FieldRace race, String location) {
    if (trace != null) {
      trace.mark(race.earlier());
      trace.markLast(thread, text(race.later(), location), race.later().location());
    }
  }

  private static String text(FieldAccess access, String location) {
    String value = access.value();
    if (access.write()) return "writes " + location + (value == null ? "" : " = " + value);
    return "reads " + location + (value == null ? "" : " (" + value + ")");
  }

  private static String text(CollectionAccess access) {
    Object argument = access.argument();
    if (argument != RaceReport.NO_ARGUMENT) {
      return access.operation() + "(" + ValueRendering.render(argument) + ")";
    }
    // "HashMap iteration" names a step, not a method.
    return access.operation().indexOf(' ') >= 0 ? access.operation() : access.operation() + "()";
  }

  private static StackTraceElement firstApplicationFrame(CollectionAccess access) {
    return StackRendering.firstApplicationFrame(access.stack());
  }

  private static StackTraceElement location(int site) {
    return site < 0 ? null : SiteRegistry.location(site);
  }

  private static String name(Object o) {
    return o.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(o));
  }
}
