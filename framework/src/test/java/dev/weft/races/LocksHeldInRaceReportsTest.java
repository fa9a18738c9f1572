package dev.weft.races;

import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "locks held" of a race report include the java.util.concurrent locks the application took,
 * and the explanation reasons about them: different locks, a shared read lock, a released lock.
 */
class LocksHeldInRaceReportsTest {
  private static final String FILE = "LocksHeldInRaceReportsTest.java";
  private static final String HASH = "@[0-9a-f]+";

  @Test
  void twoDifferentReentrantLocksAreNamedAndCalledDifferent() {
    Result result = assertRaceReported(getClass(), "underA", "underB", () -> {
      Map<String, Integer> map = new HashMap<>();
      ReentrantLock lockA = new ReentrantLock();
      ReentrantLock lockB = new ReentrantLock();
      Thread a = start("t1", () -> {
        lockA.lock(); /*lockA*/
        try {
          map.put("a", 1); /*underA*/
        } finally {
          lockA.unlock();
        }
      });
      Thread b = start("t2", () -> {
        try {
          if (lockB.tryLock(1, TimeUnit.SECONDS)) { /*lockB*/
            try {
              map.put("b", 2); /*underB*/
            } finally {
              lockB.unlock();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      a.join();
      b.join();
    });
    String report = result.report();
    String heldA = locksHeldAt(report, "underA");
    String heldB = locksHeldAt(report, "underB");
    assertThat(heldA).as(report).matches("ReentrantLock" + HASH + " \\(locked at " + FILE + ":"
        + SourceMarkers.line(getClass(), "lockA") + "\\)");
    assertThat(heldB).as(report).matches("ReentrantLock" + HASH + " \\(locked at " + FILE + ":"
        + SourceMarkers.line(getClass(), "lockB") + "\\)");
    assertThat(identity(heldA)).as(report).isNotEqualTo(identity(heldB));
    assertThat(line(report, "  Why: ")).as(report)
        .startsWith("the threads held different locks (")
        .contains("ReentrantLock" + identity(heldA)).contains("ReentrantLock" + identity(heldB));
    assertThat(line(report, "  Fix: ")).as(report).contains("with the same lock");
  }

  @Test
  void writersUnderTheReadLockAreToldToTakeTheWriteLock() {
    Result result = assertRaceReported(getClass(), "readA", "readB", () -> {
      Map<String, Integer> map = new HashMap<>();
      ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
      Thread a = start("t1", () -> {
        rw.readLock().lock(); /*takeReadA*/
        try {
          map.put("a", 1); /*readA*/
        } finally {
          rw.readLock().unlock();
        }
      });
      Thread b = start("t2", () -> {
        rw.readLock().lock(); /*takeReadB*/
        try {
          map.put("b", 2); /*readB*/
        } finally {
          rw.readLock().unlock();
        }
      });
      a.join();
      b.join();
    });
    String report = result.report();
    String heldA = locksHeldAt(report, "readA");
    String heldB = locksHeldAt(report, "readB");
    assertThat(heldA).as(report).matches("read lock of ReentrantReadWriteLock" + HASH
        + " \\(locked at " + FILE + ":" + SourceMarkers.line(getClass(), "takeReadA") + "\\)");
    assertThat(heldB).as(report).matches("read lock of ReentrantReadWriteLock" + HASH
        + " \\(locked at " + FILE + ":" + SourceMarkers.line(getClass(), "takeReadB") + "\\)");
    String lock = identity(heldA);
    assertThat(identity(heldB)).as("the same read-write lock on both sides").isEqualTo(lock);
    assertThat(line(report, "  Why: ")).as(report)
        .startsWith("both threads held the read lock of ReentrantReadWriteLock" + lock + ",")
        .contains("a read lock is shared").contains("both accesses are writes");
    assertThat(line(report, "  Fix: ")).as(report)
        .startsWith("a write must take the write lock: T")
        .contains("holding only the read lock of ReentrantReadWriteLock" + lock)
        .contains("take the write lock of ReentrantReadWriteLock" + lock);
    // The trace's columns are narrow: the row is cut after its beginning.
    assertThat(interleaving(report)).as(report).contains("locks read lock");
  }

  @Test
  void aLockReleasedBeforeTheAccessIsNoLongerHeld() {
    Result result = assertRaceReported(getClass(), "afterUnlock", "guarded", () -> {
      Map<String, Integer> map = new HashMap<>();
      List<Integer> own = new ArrayList<>();
      ReentrantLock lock = new ReentrantLock();
      Thread a = start("t1", () -> {
        try {
          lock.lock();
          lock.lock();
          try {
            own.add(1);
            throw new IllegalStateException("leaves the guarded block early");
          } finally {
            lock.unlock();
            lock.unlock();
          }
        } catch (IllegalStateException expected) {
          // the lock was released on the way out
        }
        map.put("a", 1); /*afterUnlock*/
      });
      Thread b = start("t2", () -> {
        lock.lock(); /*lockedByB*/
        try {
          map.put("b", 2); /*guarded*/
        } finally {
          lock.unlock();
        }
      });
      a.join();
      b.join();
    });
    String report = result.report();
    assertThat(locksHeldAt(report, "afterUnlock")).as(report).isEqualTo("none");
    String held = locksHeldAt(report, "guarded");
    assertThat(held).as(report).matches("ReentrantLock" + HASH + " \\(locked at " + FILE + ":"
        + SourceMarkers.line(getClass(), "lockedByB") + "\\)");
    assertThat(line(report, "  Why: ")).as(report)
        .isEqualTo("only one of the threads held a lock (ReentrantLock" + identity(held)
            + "); a lock orders accesses only if both sides take it.");
  }

  @Test
  void aReentrantLockHeldTwiceAndReleasedOnceIsStillHeld() {
    Result result = assertRaceReported(getClass(), "stillHeld", "unguarded", () -> {
      Map<String, Integer> map = new HashMap<>();
      ReentrantLock lock = new ReentrantLock();
      Thread a = start("t1", () -> {
        lock.lock(); /*outer*/
        try {
          lock.lock();
          lock.unlock();
          map.put("a", 1); /*stillHeld*/
        } finally {
          lock.unlock();
        }
      });
      Thread b = start("t2", () -> map.put("b", 2)); /*unguarded*/
      a.join();
      b.join();
    });
    String report = result.report();
    assertThat(locksHeldAt(report, "stillHeld")).as(report).matches("ReentrantLock" + HASH
        + " \\(locked at " + FILE + ":" + SourceMarkers.line(getClass(), "outer") + "\\)");
    assertThat(locksHeldAt(report, "unguarded")).as(report).isEqualTo("none");
  }

  @Test
  void stampedLockReadStampsAndViewsAreReadLocks() {
    Result result = assertRaceReported(getClass(), "stampRead", "viewRead", () -> {
      List<Integer> list = new ArrayList<>();
      StampedLock stamped = new StampedLock();
      Thread a = start("t1", () -> {
        long stamp = stamped.readLock(); /*stamp*/
        try {
          list.add(1); /*stampRead*/
        } finally {
          stamped.unlockRead(stamp);
        }
      });
      Thread b = start("t2", () -> {
        stamped.asReadLock().lock(); /*view*/
        try {
          list.add(2); /*viewRead*/
        } finally {
          stamped.asReadLock().unlock();
        }
      });
      a.join();
      b.join();
    });
    String report = result.report();
    String heldA = locksHeldAt(report, "stampRead");
    String heldB = locksHeldAt(report, "viewRead");
    assertThat(heldA).as(report).matches("read lock of StampedLock" + HASH + " \\(locked at "
        + FILE + ":" + SourceMarkers.line(getClass(), "stamp") + "\\)");
    assertThat(heldB).as(report).matches("read lock of StampedLock" + HASH + " \\(locked at "
        + FILE + ":" + SourceMarkers.line(getClass(), "view") + "\\)");
    assertThat(identity(heldA)).isEqualTo(identity(heldB));
    assertThat(line(report, "  Fix: ")).as(report).startsWith("a write must take the write lock:");
  }

  /** The "locks held" line of the access reported at the line of {@code marker}. */
  private String locksHeldAt(String report, String marker) {
    String at = " at " + FILE + ":" + SourceMarkers.line(getClass(), marker) + "\n";
    for (String label : new String[] {"  First: ", "  Then: "}) {
      int start = report.indexOf(label);
      assertThat(start).as(report).isNotNegative();
      int headerEnd = report.indexOf('\n', start) + 1;
      if (!report.substring(start, headerEnd).endsWith(at)) continue;
      Matcher m = Pattern.compile("      locks held: (.*)\n").matcher(report);
      assertThat(m.find(headerEnd)).as(report).isTrue();
      return m.group(1);
    }
    throw new AssertionError("no access at " + at.trim() + " in\n" + report);
  }

  /** {@code @1a2b} of {@code ReentrantLock@1a2b (locked at ...)}. */
  private static String identity(String lock) {
    Matcher m = Pattern.compile(HASH).matcher(lock);
    assertThat(m.find()).as(lock).isTrue();
    return m.group();
  }

  private static String line(String report, String prefix) {
    int start = report.indexOf(prefix);
    assertThat(start).as(report).isNotNegative();
    return report.substring(start + prefix.length(), report.indexOf('\n', start));
  }

  private static String interleaving(String report) {
    int start = report.indexOf("  Interleaving:\n");
    assertThat(start).as(report).isNotNegative();
    return report.substring(start);
  }
}
