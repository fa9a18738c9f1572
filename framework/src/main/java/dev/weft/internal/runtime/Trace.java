package dev.weft.internal.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Collects the events of one (replayed) execution for the report's interleaving table. Events come
 * in through {@code TraceRecorder}, which words them.
 */
public final class Trace {
  private final List<TraceEvent> events = new ArrayList<>();
  private final IdentityHashMap<Object, Integer> eventOf = new IdentityHashMap<>();
  private final List<String> threadNames = new ArrayList<>();

  void add(ControlledThread thread, String text, StackTraceElement where, boolean minor) {
    events.add(new TraceEvent(thread.id, text, StackRendering.shortLocation(where), minor, false));
  }

  /**
   * Adds what a java.util.concurrent call did (took or released a lock). When the thread's last
   * event is the generic library call row of that same call, it takes that row's place.
   */
  void addReplacingLibraryCall(ControlledThread thread, String text, StackTraceElement where) {
    int last = events.size() - 1;
    if (last >= 0) {
      TraceEvent e = events.get(last);
      if (e.thread() == thread.id && e.minor() && !e.marked()
          && e.text().equals(LIBRARY_CALL)
          && e.location().equals(StackRendering.shortLocation(where))) {
        events.set(last, new TraceEvent(thread.id, text, e.location(), false, false));
        return;
      }
    }
    add(thread, text, where, false);
  }

  /** The row of a call into java.util.concurrent or an atomic. */
  static final String LIBRARY_CALL = "atomic / concurrent call";

  /** Adds an event that a later failure may need to point at. */
  void add(ControlledThread thread, String text, StackTraceElement where, Object ref) {
    eventOf.put(ref, events.size());
    add(thread, text, where, false);
  }

  /** Adds a minor event (folded with its neighbours) that a later failure may need to point at. */
  void addMinor(ControlledThread thread, String text, StackTraceElement where, Object ref) {
    eventOf.put(ref, events.size());
    add(thread, text, where, true);
  }

  /** Marks the event recorded for {@code ref} (one of the conflicting accesses). */
  void mark(Object ref) {
    Integer index = eventOf.get(ref);
    if (index != null) events.set(index, events.get(index).mark());
  }

  void markLast(ControlledThread thread, String text, StackTraceElement where) {
    events.add(new TraceEvent(thread.id, text, StackRendering.shortLocation(where), false, true));
  }

  /** Marks the last event of {@code threadId}: where a deadlocked thread waits. */
  void markLastOf(int threadId) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).thread() == threadId) {
        events.set(i, events.get(i).mark());
        return;
      }
    }
  }

  void nameThread(ControlledThread thread) {
    while (threadNames.size() <= thread.id) threadNames.add("");
    threadNames.set(thread.id, thread.displayName());
  }

  public List<TraceEvent> events() {
    return List.copyOf(events);
  }

  public List<String> threadNames() {
    return List.copyOf(threadNames);
  }

  /** The table, or an empty string when nothing was recorded. */
  public String render() {
    return TraceTable.render(events, threadNames);
  }
}
