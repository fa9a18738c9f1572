package dev.weft.internal.failure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The events of one traced execution, in the order they happened, as the runtime's {@code
 * TraceRecorder} adds them (only the thread holding the turn adds, so no synchronization is
 * needed); read by the report package once the execution is over.
 */
public final class Trace {
  private final List<TraceRow> rows = new ArrayList<>();
  private final IdentityHashMap<Object, Integer> rowOf = new IdentityHashMap<>();
  private final List<ThreadRef> threads = new ArrayList<>();

  public void thread(ThreadRef thread) {
    while (threads.size() <= thread.id()) threads.add(new ThreadRef(threads.size(), ""));
    threads.set(thread.id(), thread);
  }

  public void add(int thread, TraceEvent event, StackTraceElement where) {
    rows.add(new TraceRow(thread, event, where, false));
  }

  /** Adds an event that a failure found later may point at, remembered by {@code ref}. */
  public void add(int thread, TraceEvent event, StackTraceElement where, Object ref) {
    rowOf.put(ref, rows.size());
    add(thread, event, where);
  }

  /** Adds one of the failure's own events. */
  public void addMarked(int thread, TraceEvent event, StackTraceElement where) {
    rows.add(new TraceRow(thread, event, where, true));
  }

  /** Marks the event remembered by {@code ref}, if any. */
  public void mark(Object ref) {
    Integer index = rowOf.get(ref);
    if (index != null) rows.set(index, rows.get(index).asMarked());
  }

  /** Marks the last event of {@code thread}: where a deadlocked thread waits. */
  public void markLastOf(int thread) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).thread() == thread) {
        rows.set(i, rows.get(i).asMarked());
        return;
      }
    }
  }

  /**
   * Adds what a library call did (took or released a lock) in place of the thread's last event
   * when that is the library call itself, at the same line.
   */
  public void addInPlaceOfLibraryCall(int thread, TraceEvent event, StackTraceElement where) {
    int last = lastLibraryCall(thread, where);
    if (last >= 0) {
      rows.set(last, new TraceRow(thread, event, rows.get(last).where(), false));
    } else {
      add(thread, event, where);
    }
  }

  /** Names the thread's last library call at {@code where}, which did not know its callee. */
  public void nameLibraryCall(int thread, StackTraceElement where, TraceEvent.LibraryCall named) {
    int last = lastLibraryCall(thread, where);
    if (last >= 0 && ((TraceEvent.LibraryCall) rows.get(last).event()).method() == null) {
      rows.set(last, new TraceRow(thread, named, rows.get(last).where(), false));
    }
  }

  private int lastLibraryCall(int thread, StackTraceElement where) {
    int last = rows.size() - 1;
    if (last < 0) return -1;
    TraceRow r = rows.get(last);
    boolean same = r.thread() == thread && !r.marked()
        && r.event() instanceof TraceEvent.LibraryCall
        && java.util.Objects.equals(r.where(), where);
    return same ? last : -1;
  }

  public List<TraceRow> rows() {
    return List.copyOf(rows);
  }

  /** The threads by number; a thread never named is there with an empty name. */
  public List<ThreadRef> threads() {
    return List.copyOf(threads);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
