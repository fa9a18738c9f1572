package dev.weft.internal.report;

import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.RacyAccess;
import java.util.List;

/**
 * Why nothing orders the two accesses of a race, and how to fix it: the locks they held decide
 * the why; the locks and the kind of {@link dev.weft.internal.failure.Location} the fix.
 */
final class RaceAdvice {
  private RaceAdvice() {}

  static String why(DataRace race) {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    List<HeldLock> la = a.locksHeld();
    List<HeldLock> lb = b.locksHeld();
    if (la.isEmpty() && lb.isEmpty()) {
      return "neither thread held a lock, and nothing else (join, a volatile write and read,"
          + " a concurrent collection or executor hand-off) orders the two accesses.";
    }
    if (la.isEmpty() || lb.isEmpty()) {
      return "only one of the threads held a lock (" + LockSets.names(la.isEmpty() ? lb : la)
          + "); a lock orders accesses only if both sides take it.";
    }
    LockRef read = LockSets.sharedReadLock(la, lb);
    if (read != null) {
      RacyAccess writer = b.write() ? b : a;
      String writes = a.write() && b.write() ? "both accesses are writes"
          : Names.thread(writer.thread()) + "'s " + writer.operation() + " is a write";
      return "both threads held the " + Names.lock(read) + ", but a read lock is shared: any"
          + " number of threads hold it at once, so it does not order their accesses, and "
          + writes + ".";
    }
    return "the threads held different locks (" + LockSets.names(la) + " vs "
        + LockSets.names(lb) + "), which do not order each other.";
  }

  static String fix(DataRace race) {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    String type = LocationText.type(race.location());
    boolean shared = JdkObjectText.applies(race);
    if (shared || !a.locksHeld().isEmpty() || !b.locksHeld().isEmpty()) {
      String hint = writeLockHint(a, b);
      if (LockSets.sharedReadLock(a.locksHeld(), b.locksHeld()) != null) {
        return "a" + hint.substring(2);
      }
      // A JDK object (or a map whose get writes) has a fix of its own.
      if (shared) return JdkObjectText.fix(race, hint);
      return "guard every access to this " + type + " with the same lock (one lock object per"
          + " collection), including iteration." + hint;
    }
    if (race.classification().conflict() == RaceClassification.Conflict.ITERATION_WRITE) {
      return "iterate over a snapshot instead of the live " + type + ": copy it under the lock"
          + " that writers take, or publish an immutable copy (Map.copyOf / List.copyOf, or a"
          + " Vavr persistent collection) through an AtomicReference and swap it on update.";
    }
    boolean map = race.location() instanceof CollectionLocation c && c.map();
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

  /**
   * "A write must take the write lock" when an access wrote holding only a read lock; else
   * empty.
   */
  private static String writeLockHint(RacyAccess a, RacyAccess b) {
    for (RacyAccess access : new RacyAccess[] {b, a}) {
      if (!access.write()) continue;
      LockRef read = LockSets.readLockOnly(access.locksHeld());
      if (read == null) continue;
      return " A write must take the write lock: " + Names.thread(access.thread()) + " called "
          + access.operation() + " holding only the " + Names.lock(read) + "; take the write"
          + " lock of " + Names.object(read.lock()) + " for every write, and the read lock only"
          + " for accesses that read.";
    }
    return "";
  }
}
