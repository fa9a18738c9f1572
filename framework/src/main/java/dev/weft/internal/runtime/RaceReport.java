package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.internal.ApiValues;
import java.util.List;

/**
 * Explains a data race: what, the two accesses, why nothing orders them, and how to fix it. What
 * is particular to a JDK object that is not thread-safe is {@link SharedObjectRaceText}'s.
 */
final class RaceReport {
  private RaceReport() {}

  static ExecutionFailure describe(Race race, StackTraceElement createdAt) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    String what = "DATA RACE on " + ValueRendering.identity(race.collection())
        + (createdAt == null ? "" : " (created at " + StackRendering.shortLocation(createdAt) + ")");
    String summary = what + ": " + b.thread().displayName() + " " + b.operation() + " at "
        + location(b) + " conflicts with " + a.thread().displayName() + " " + a.operation()
        + " at " + location(a);
    SharedObjectRace shared = SharedObjectRace.of(race);
    boolean jdkObject = shared != null && shared.family() != null;
    StringBuilder d = new StringBuilder();
    d.append("  ").append(classify(race, jdkObject));
    if (shared != null) d.append(SharedObjectRaceText.effect(shared));
    d.append('\n');
    d.append('\n');
    appendAccess(d, "First", a, jdkObject);
    appendAccess(d, "Then", b, jdkObject);
    d.append("  Why: ").append(why(race));
    if (shared != null) d.append(SharedObjectRaceText.whyItWrites(shared));
    d.append('\n');
    d.append("  Fix: ").append(shared != null ? fix(race, shared) : fix(race)).append('\n');
    List<Access> accesses = List.of(toAccess(a), toAccess(b));
    return new ExecutionFailure(Failure.Kind.DATA_RACE, summary, d.toString(), null, accesses);
  }

  static String classify(Race race, boolean jdkObject) {
    String kind = classifyOverlap(race, jdkObject);
    CollectionAccess grower = race.earlier().growsTable() ? race.earlier()
        : race.later().growsTable() ? race.later() : null;
    if (grower == null) return kind;
    return "Resize race: " + grower.thread().displayName() + "'s " + grower.operation()
        + " grew and rehashed the table, so the other thread can meet entries half moved"
        + " (lost entries, or a loop in older JDKs). " + kind;
  }

  /** For a JDK object, which is no map, without Go's map messages. */
  private static String classifyOverlap(Race race, boolean jdkObject) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    boolean iteration = isIteration(a) || isIteration(b);
    if (race.overlapping()) {
      String during = b.thread().displayName() + " entered " + b.operation() + " while "
          + a.thread().displayName() + " was still inside " + a.operation();
      if (a.write() && b.write()) {
        return "Write during write: " + during
            + (jdkObject ? "." : " (Go reports this as \"fatal error: concurrent map writes\").");
      }
      return (iteration ? "Iteration during write: " : "Read during write: ") + during
          + (jdkObject ? "." : " (Go: \"concurrent map read and map write\").");
    }
    String kind = a.write() && b.write() ? "Unordered writes"
        : iteration ? "Iteration unordered with a write" : "Read unordered with a write";
    return kind + ": the accesses did not overlap in this schedule, but no synchronization"
        + " orders them, so another schedule (or the JIT) can make them collide.";
  }

  private static boolean isIteration(CollectionAccess access) {
    String op = access.operation();
    return op.endsWith("iteration") || op.endsWith(".forEach") || op.endsWith(".iterator")
        || op.endsWith(".forEachRemaining") || op.endsWith(".listIterator")
        || op.endsWith(".descendingIterator") || op.endsWith(".spliterator");
  }

  private static void appendAccess(StringBuilder d, String label, CollectionAccess access,
      boolean jdkObject) {
    d.append("  ").append(label).append(": ").append(access.thread().displayName()).append(' ')
        .append(jdkObject ? SharedObjectRaceText.verb(access.kind()) : verb(access.kind()))
        .append(" with ").append(access.operation());
    if (access.argument() != NO_ARGUMENT) {
      d.append('(').append(ValueRendering.render(access.argument())).append(')');
    }
    d.append(" at ").append(location(access)).append('\n');
    d.append(StackRendering.render(access.stack()));
    d.append("      locks held: ")
        .append(access.locksHeld().isEmpty() ? "none" : access.locksHeld().text()).append('\n');
    ControlledThread t = access.thread();
    if (t.id == 0) {
      d.append("      thread: the test body\n");
    } else if (access.taskOrigin() != null) {
      d.append("      running a task submitted at ")
          .append(StackRendering.shortLocation(access.taskOrigin())).append('\n');
    } else if (t.createdAt != null) {
      d.append("      thread started at ").append(StackRendering.shortLocation(t.createdAt))
          .append('\n');
    }
    d.append('\n');
  }

  private static String verb(Access.Kind kind) {
    switch (kind) {
      case STRUCTURAL_WRITE:
        return "writes (structural)";
      case WRITE:
        return "writes (in place)";
      case ITERATION:
        return "iterates";
      default:
        return "reads";
    }
  }

  /** Marks an access whose method takes no argument. */
  static final Object NO_ARGUMENT = dev.weft.boot.Hooks.NO_ARGUMENT;

  private static String why(Race race) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    LockSet la = a.locksHeld();
    LockSet lb = b.locksHeld();
    if (la.isEmpty() && lb.isEmpty()) {
      return "neither thread held a lock, and nothing else (join, a volatile write and read,"
          + " a concurrent collection or executor hand-off) orders the two accesses.";
    }
    if (la.isEmpty() || lb.isEmpty()) {
      return "only one of the threads held a lock (" + (la.isEmpty() ? lb : la).names()
          + "); a lock orders accesses only if both sides take it.";
    }
    LockSet.Entry read = la.sharedReadLock(lb);
    if (read != null) {
      String writes = a.write() && b.write() ? "both accesses are writes"
          : writer(a, b).thread().displayName() + "'s " + writer(a, b).operation() + " is a write";
      return "both threads held the " + read.name() + ", but a read lock is shared: any number"
          + " of threads hold it at once, so it does not order their accesses, and " + writes
          + ".";
    }
    return "the threads held different locks (" + la.names() + " vs " + lb.names()
        + "), which do not order each other.";
  }

  /** The writing access of a conflicting pair (the later one when both write). */
  private static CollectionAccess writer(CollectionAccess a, CollectionAccess b) {
    return b.write() ? b : a;
  }

  /**
   * "A write must take the write lock" when an access wrote holding only a read lock; else
   * empty.
   */
  private static String writeLockHint(CollectionAccess a, CollectionAccess b) {
    for (CollectionAccess access : new CollectionAccess[] {b, a}) {
      if (!access.write()) continue;
      LockSet.Entry read = access.locksHeld().readLockOnly();
      if (read == null) continue;
      return " A write must take the write lock: " + access.thread().displayName() + " called "
          + access.operation() + " holding only the " + read.name() + "; take the write lock of "
          + read.owner() + " for every write, and the read lock only for accesses that read.";
    }
    return "";
  }

  /** The fix for a JDK object or an access-ordered LinkedHashMap. */
  private static String fix(Race race, SharedObjectRace shared) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    String hint = writeLockHint(a, b);
    if (a.locksHeld().sharedReadLock(b.locksHeld()) != null) return "a" + hint.substring(2);
    return SharedObjectRaceText.fix(shared, hint);
  }

  private static String fix(Race race) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    String type = race.collection().getClass().getSimpleName();
    boolean map = race.collection() instanceof java.util.Map;
    if (!a.locksHeld().isEmpty() || !b.locksHeld().isEmpty()) {
      String hint = writeLockHint(a, b);
      if (a.locksHeld().sharedReadLock(b.locksHeld()) != null) {
        return "a" + hint.substring(2);
      }
      return "guard every access to this " + type + " with the same lock (one lock object per"
          + " collection), including iteration." + hint;
    }
    if (isIteration(a) || isIteration(b)) {
      return "iterate over a snapshot instead of the live " + type + ": copy it under the lock"
          + " that writers take, or publish an immutable copy (Map.copyOf / List.copyOf, or a"
          + " Vavr persistent collection) through an AtomicReference and swap it on update.";
    }
    if (map && a.write() && b.write()) {
      return "use a ConcurrentHashMap, and turn get-then-put into one atomic call (merge,"
          + " compute, computeIfAbsent); or guard every access with the same lock.";
    }
    if (map) {
      return "for read-mostly data guard the map with a ReentrantReadWriteLock (readers take the"
          + " read lock, writers the write lock), use a ConcurrentHashMap, or publish immutable"
          + " snapshots through an AtomicReference.";
    }
    return "use a concurrent collection (ConcurrentLinkedQueue, CopyOnWriteArrayList for"
        + " read-mostly lists), guard every access with the same lock, or let each thread fill"
        + " its own collection and combine them after join.";
  }

  private static String location(CollectionAccess access) {
    return StackRendering.shortLocation(StackRendering.firstApplicationFrame(access.stack()));
  }

  private static Access toAccess(CollectionAccess access) {
    return ApiValues.get().access(access.thread().displayName(), access.operation(),
        StackRendering.firstApplicationFrame(access.stack()), access.kind());
  }
}
