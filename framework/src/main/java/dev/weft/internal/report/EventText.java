package dev.weft.internal.report;

import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.TraceEvent;

/**
 * The words of one interleaving row, one case per kind of {@link TraceEvent}: {@code starts T1},
 * {@code locks write lock of ReentrantReadWriteLock@1a2b}, {@code HashMap.put("a")}.
 */
final class EventText {
  private EventText() {}

  /** The generic name of an atomic or java.util.concurrent call whose method is not known. */
  static final String LIBRARY_CALL = "atomic / concurrent call";

  static String of(TraceEvent event) {
    if (event instanceof TraceEvent.Started e) return "starts " + Names.threadNumber(e.child());
    if (event instanceof TraceEvent.Ended) return "ends";
    if (event instanceof TraceEvent.Threw e) return "throws " + Names.className(e.exceptionClass());
    if (event instanceof TraceEvent.Joins e) return "joins " + Names.threadNumber(e.target());
    if (event instanceof TraceEvent.WaitsForMonitor e) {
      return "waits for " + Names.lock(new LockRef(e.monitor(), LockRef.Mode.MONITOR))
          + " held by " + Names.threadNumber(e.owner());
    }
    if (event instanceof TraceEvent.Locks e) return "locks " + Names.lock(e.lock());
    if (event instanceof TraceEvent.Unlocks e) return "unlocks " + Names.lock(e.lock());
    if (event instanceof TraceEvent.WaitsOn e) return "waits on " + Names.object(e.monitor());
    if (event instanceof TraceEvent.Resumes e) {
      String woken = TraceRows.isConcurrentLock(e.monitor()) ? signalled(e.why()) : woken(e.why());
      return woken + ", re-acquires " + Names.object(e.monitor());
    }
    if (event instanceof TraceEvent.Notifies e) {
      return (e.all() ? "notifyAll " : "notify ") + Names.object(e.monitor());
    }
    if (event instanceof TraceEvent.Parks e) {
      return e.blocker() == null ? "parks" : "waits for " + Names.object(e.blocker());
    }
    if (event instanceof TraceEvent.Unparks e) return "unparks " + Names.threadNumber(e.target());
    if (event instanceof TraceEvent.VolatileAccess e) {
      return (e.write() ? "writes volatile " : "reads volatile ") + e.field().qualifiedName();
    }
    if (event instanceof TraceEvent.LibraryCall e) return libraryCall(e);
    if (event instanceof TraceEvent.FieldAccess e) {
      String value = e.value() == null ? "" : Values.render(e.value());
      if (e.write()) return "writes " + e.name() + (value.isEmpty() ? "" : " = " + value);
      return "reads " + e.name() + (value.isEmpty() ? "" : " (" + value + ")");
    }
    if (event instanceof TraceEvent.CollectionAccess e) {
      if (e.argument() != null) return e.operation() + "(" + Values.render(e.argument()) + ")";
      // "HashMap iteration" names a step, not a method.
      return e.operation().indexOf(' ') >= 0 ? e.operation() : e.operation() + "()";
    }
    throw new IllegalArgumentException("no words for " + event);
  }

  /** {@code ConcurrentMap.get}, or the generic name. */
  static String libraryCall(TraceEvent.LibraryCall call) {
    if (call.method() == null) return LIBRARY_CALL;
    return Names.className(call.owner()) + "." + call.method();
  }

  /** After a {@code Condition.await}, which a signal ends, not a notify. */
  private static String signalled(TraceEvent.Wake why) {
    return switch (why) {
      case NOTIFIED -> "woken by signal";
      case TIMED_OUT -> "await timed out";
      case INTERRUPTED -> "await interrupted";
    };
  }

  private static String woken(TraceEvent.Wake why) {
    return switch (why) {
      case NOTIFIED -> "woken by notify";
      case TIMED_OUT -> "wait timed out";
      case INTERRUPTED -> "wait interrupted";
    };
  }
}
