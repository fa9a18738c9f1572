package dev.weft.internal.report;

import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ThreadRef;
import dev.weft.internal.failure.TraceRow;
import dev.weft.internal.failure.WaitEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A deadlock: for each blocked thread, what it waits for, who holds it and where they took it. */
final class DeadlockText implements FailureText {
  /** Blocked threads the first line names; the details name all. */
  private static final int NAMED_IN_SUMMARY = 3;

  private final Deadlock deadlock;

  DeadlockText(Deadlock deadlock) {
    this.deadlock = deadlock;
  }

  /**
   * {@code DEADLOCK: no thread can run: T1 waits at A.java:27 for a write lock T2 holds; ...}:
   * the threads that hold what others wait for first. No identity hashes, so the line is the same
   * in every run of the same schedule.
   */
  @Override
  public String summary() {
    List<WaitEdge> edges = new ArrayList<>(deadlock.edges());
    edges.sort(Comparator.comparing((WaitEdge e) -> e.holders().isEmpty()));
    List<String> parts = new ArrayList<>();
    for (WaitEdge e : edges.subList(0, Math.min(NAMED_IN_SUMMARY, edges.size()))) {
      parts.add(Names.threadNumber(e.thread()) + " " + briefly(e));
    }
    String more = edges.size() > NAMED_IN_SUMMARY
        ? "; and " + (edges.size() - NAMED_IN_SUMMARY) + " more" : "";
    return "DEADLOCK: no thread can run: " + String.join("; ", parts) + more;
  }

  private static String briefly(WaitEdge e) {
    String at = "at " + Names.where(e.at());
    Awaited a = e.awaited();
    if (a instanceof Awaited.Join j) return "waits " + at + " to join " + Names.threadNumber(j.target());
    if (a instanceof Awaited.Notify) return "waits " + at + " for a notify";
    if (a instanceof Awaited.Unpark u) {
      return u.blocker() == null ? "parks " + at
          : "waits " + at + " for a " + Names.className(u.blocker().className());
    }
    LockRef lock = a instanceof Awaited.Lock l ? l.lock()
        : new LockRef(((Awaited.Monitor) a).monitor(), LockRef.Mode.MONITOR);
    String what = switch (lock.mode()) {
      case MONITOR -> "a monitor";
      case EXCLUSIVE -> "a lock";
      case READ -> "a read lock";
      case WRITE -> "a write lock";
    };
    List<String> holders = new ArrayList<>();
    for (WaitEdge.Holder h : e.holders()) holders.add(Names.threadNumber(h.thread()));
    return "waits " + at + " for " + what
        + (holders.isEmpty() ? "" : " " + String.join(" and ", holders) + " "
            + (holders.size() == 1 ? "holds" : "hold"));
  }

  @Override
  public List<Paragraph> details() {
    List<Paragraph> parts = new ArrayList<>();
    parts.add(new Paragraph(null, neverEnds()
        + "Each thread waits for something that only another blocked thread could give:\n"));
    for (WaitEdge e : deadlock.edges()) {
      parts.add(new Paragraph(anchor(e.thread().id()), "  " + Names.thread(e.thread())
          + (e.daemon() ? " (daemon)" : "") + " waits at " + Names.where(e.at()) + " "
          + waitsFor(e) + "\n" + StackText.render(e.stack(),
              e.awaited() instanceof Awaited.Monitor && e.at() != null ? e.at() : null)));
    }
    if (!deadlock.idleWorkers().isEmpty()) {
      parts.add(new Paragraph(null, "  (" + numbers(deadlock.idleWorkers())
          + ": pool workers waiting for a task)\n"));
    }
    parts.add(new Paragraph("fix", "Fix: " + fix() + "\n"));
    return parts;
  }

  /** Why a deadlock after the body returned is one: the JVM waits for non-daemon threads. */
  private String neverEnds() {
    List<ThreadRef> threads = deadlock.neverEnding();
    if (threads.isEmpty()) return "";
    boolean one = threads.size() == 1;
    String names = one ? Names.threadNumber(threads.get(0))
        : numbers(threads.subList(0, threads.size() - 1)) + " and "
            + Names.threadNumber(threads.get(threads.size() - 1));
    return "The body returned, but " + names + (one ? " never ends: it is not a daemon thread"
        : " never end: they are not daemon threads") + ", so the JVM would wait forever.\n";
  }

  private static String numbers(List<ThreadRef> threads) {
    List<String> each = new ArrayList<>();
    for (ThreadRef t : threads) each.add(Names.threadNumber(t));
    return String.join(", ", each);
  }

  /** Where a deadlocked thread waits is its marked event. */
  @Override
  public String anchorOf(TraceRow marked, int index) {
    return anchor(marked.thread());
  }

  private static String anchor(int thread) {
    return "thread-" + thread;
  }

  static String waitsFor(WaitEdge e) {
    Awaited a = e.awaited();
    if (a instanceof Awaited.Join j) return "to join " + Names.thread(j.target());
    if (a instanceof Awaited.Notify n) {
      return "in " + Names.qualifiedObject(n.monitor()) + ".wait() for a notify that never comes";
    }
    if (a instanceof Awaited.Unpark u) {
      return u.blocker() == null ? "for an unpark" : "for " + Names.qualifiedObject(u.blocker());
    }
    LockRef lock = a instanceof Awaited.Lock l ? l.lock()
        : new LockRef(((Awaited.Monitor) a).monitor(), LockRef.Mode.MONITOR);
    String owner = Names.qualifiedObject(lock.lock());
    String what = switch (lock.mode()) {
      case MONITOR -> "monitor " + owner;
      case EXCLUSIVE -> owner;
      case READ -> "the read lock of " + owner;
      case WRITE -> "the write lock of " + owner;
    };
    return "for " + what + held(e.holders());
  }

  private static String held(List<WaitEdge.Holder> holders) {
    if (holders.isEmpty()) return "";
    List<String> each = new ArrayList<>();
    for (WaitEdge.Holder h : holders) {
      each.add(Names.thread(h.thread())
          + (h.takenAt() == null ? "" : " (taken at " + Names.where(h.takenAt()) + ")"));
    }
    return " held by " + String.join(" and ", each);
  }

  private String fix() {
    boolean lockCycle = false;
    boolean lostNotify = false;
    for (WaitEdge e : deadlock.edges()) {
      lockCycle |= !e.holders().isEmpty();
      lostNotify |= e.awaited() instanceof Awaited.Notify;
    }
    if (lockCycle) {
      return "take the locks in one global order everywhere, or use tryLock with a timeout and"
          + " back off.";
    }
    if (lostNotify) {
      return "wait in a loop that checks its condition (while (!ready) lock.wait()), and change"
          + " the condition and notify under the same lock, so that a notify sent before the"
          + " wait is not lost.";
    }
    return "find which thread should have released, notified, counted down or completed what"
        + " the others wait for, and why it is blocked itself.";
  }
}
