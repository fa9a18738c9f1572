package dev.weft.internal.report;

import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.TraceRow;
import dev.weft.internal.failure.WaitEdge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows an interleaving shows, text and HTML alike: the traced rows, plus the steps the trace
 * leaves implicit but a reader needs to follow the failure. A deadlocked thread that was
 * switched out just before its blocked attempt has that attempt added at its end (the trace only
 * holds the step before it), and a {@code Condition.await} is followed by the thread's wake and
 * re-acquire where it runs again, as an {@code Object.wait} is.
 */
final class TraceRows {
  private TraceRows() {}

  static List<TraceRow> of(List<TraceRow> rows, FailureDetails details) {
    List<TraceRow> out = awaitWakes(rows);
    if (details instanceof Deadlock d) out = blockedAttempts(out, d);
    return out;
  }

  /**
   * Each edge's blocked attempt as the thread's last, marked row: a thread whose last row is
   * something else (it was switched out just before it blocked) gets the attempt appended, and
   * the row marked in its place loses the mark, for it is not where the thread waits.
   */
  private static List<TraceRow> blockedAttempts(List<TraceRow> rows, Deadlock deadlock) {
    List<TraceRow> out = new ArrayList<>(rows);
    for (WaitEdge e : deadlock.edges()) {
      int thread = e.thread().id();
      int last = lastOf(out, thread);
      if (last >= 0 && isAttempt(out.get(last).event(), e.awaited())) {
        if (!out.get(last).marked()) out.set(last, marked(out.get(last), true));
        continue;
      }
      TraceEvent attempt = attempt(e);
      if (attempt == null) continue;
      if (last >= 0 && out.get(last).marked()) out.set(last, marked(out.get(last), false));
      out.add(new TraceRow(thread, attempt, e.at(), true));
    }
    return out;
  }

  private static int lastOf(List<TraceRow> rows, int thread) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).thread() == thread) return i;
    }
    return -1;
  }

  private static TraceRow marked(TraceRow r, boolean marked) {
    return new TraceRow(r.thread(), r.event(), r.where(), marked);
  }

  /** Whether {@code event} is the thread blocking on what it waits for. */
  private static boolean isAttempt(TraceEvent event, Awaited awaited) {
    boolean blocking = event instanceof TraceEvent.WaitsForMonitor
        || event instanceof TraceEvent.Parks || event instanceof TraceEvent.WaitsOn
        || event instanceof TraceEvent.Joins;
    return blocking && Objects.equals(event.subject(), awaited.subject());
  }

  /** The row for a blocked attempt the trace does not hold, or null when it cannot be worded. */
  private static TraceEvent attempt(WaitEdge e) {
    Awaited a = e.awaited();
    if (a instanceof Awaited.Monitor m) {
      return e.holders().isEmpty() ? new TraceEvent.Parks(m.monitor())
          : new TraceEvent.WaitsForMonitor(m.monitor(), e.holders().get(0).thread());
    }
    if (a instanceof Awaited.Lock l) return new TraceEvent.Parks(l.lock().lock());
    if (a instanceof Awaited.Notify n) return new TraceEvent.WaitsOn(n.monitor());
    if (a instanceof Awaited.Join j) return new TraceEvent.Joins(j.target());
    Awaited.Unpark u = (Awaited.Unpark) a;
    return u.blocker() == null ? null : new TraceEvent.Parks(u.blocker());
  }

  /**
   * After a {@code Condition.await}, where the thread runs again, a row saying it was woken and
   * took its lock again (the lock it held when it called await): the trace has the await and the
   * park, but nothing between them and the thread's next step.
   */
  private static List<TraceRow> awaitWakes(List<TraceRow> rows) {
    Map<Integer, Deque<LockRef>> held = new HashMap<>();
    Map<Integer, Pending> pending = new HashMap<>();
    List<TraceRow> out = new ArrayList<>(rows.size());
    for (TraceRow r : rows) {
      TraceEvent event = r.event();
      Pending p = pending.get(r.thread());
      if (p != null) {
        if (event instanceof TraceEvent.Parks || event instanceof TraceEvent.LibraryCall) {
          p.parked |= event instanceof TraceEvent.Parks;
        } else {
          pending.remove(r.thread());
          boolean reacquired = event instanceof TraceEvent.Locks l && l.lock().sameLock(p.lock);
          if (p.parked && !reacquired) {
            out.add(new TraceRow(r.thread(), new TraceEvent.Resumes(p.lock.lock(), p.why()),
                p.where, false));
          }
        }
      }
      if (event instanceof TraceEvent.Unparks u) {
        Pending target = pending.get(u.target().id());
        if (target != null) target.unparked = true;
      }
      Deque<LockRef> locks = held.computeIfAbsent(r.thread(), t -> new ArrayDeque<>());
      if (event instanceof TraceEvent.Locks l && l.lock().mode() != LockRef.Mode.MONITOR) {
        locks.push(l.lock());
      } else if (event instanceof TraceEvent.Unlocks u) {
        locks.removeFirstOccurrence(u.lock());
      } else if (isAwait(event) && !locks.isEmpty() && !pending.containsKey(r.thread())) {
        pending.put(r.thread(), new Pending(locks.peek(), r.where()));
      }
      out.add(r);
    }
    return out;
  }

  private static boolean isAwait(TraceEvent event) {
    return event instanceof TraceEvent.LibraryCall c && c.method() != null
        && c.method().startsWith("await") && c.owner() != null && c.owner().contains("Condition");
  }

  /** A thread in {@code Condition.await}, until it runs again. */
  private static final class Pending {
    final LockRef lock;
    final StackTraceElement where;
    boolean parked;
    boolean unparked;

    Pending(LockRef lock, StackTraceElement where) {
      this.lock = lock;
      this.where = where;
    }

    /** Unparked by another thread: signalled; else its time ran out. */
    TraceEvent.Wake why() {
      return unparked ? TraceEvent.Wake.NOTIFIED : TraceEvent.Wake.TIMED_OUT;
    }
  }

  /** Whether {@code monitor} names a {@code java.util.concurrent} lock, woken by a signal. */
  static boolean isConcurrentLock(ObjectId monitor) {
    return monitor.className().startsWith("java.util.concurrent.");
  }
}
