package dev.weft.linearizability;

import static dev.weft.linearizability.Explore.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Linearizability;
import dev.weft.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What else goes wrong inside the object is reported as usual, and first: a data race or a
 * deadlock is found while the calls run, before the history is checked.
 */
class FailuresInsideTheObjectTest {

  /** A counter on a plain HashMap: get, then put, no lock. */
  static final class HashMapCounter {
    private final Map<String, Integer> counts = new HashMap<>();
    private volatile int lastWritten;

    int incrementAndGet() {
      int next = counts.getOrDefault("n", 0) + 1;
      lastWritten = next;
      counts.put("n", next);
      return next;
    }
  }

  private static void check() {
    Linearizability.of(HashMapCounter::new)
        .operation("incrementAndGet", HashMapCounter::incrementAndGet)
        .check();
  }

  @Test
  void aRaceInsideTheObjectIsReportedAsADataRace() {
    Result result = expectFailure(Failure.Kind.DATA_RACE, FailuresInsideTheObjectTest::check);
    assertThat(result.report()).contains("HashMap");
  }

  @Test
  void withoutRaceDetectionTheSameObjectIsNotLinearizable() {
    // Collection calls are no scheduling points then; the volatile write between get and put is.
    expectFailure(Explore.options().raceDetection(false), Failure.Kind.NOT_LINEARIZABLE,
        FailuresInsideTheObjectTest::check);
  }

  /** Two operations that take the same two locks in opposite orders. */
  static final class TwoLockTransfer {
    private final Object left = new Object();
    private final Object right = new Object();
    private int a = 10;
    private int b = 10;

    int leftToRight() {
      synchronized (left) {
        synchronized (right) {
          return --a + ++b;
        }
      }
    }

    int rightToLeft() {
      synchronized (right) {
        synchronized (left) {
          return ++a + --b;
        }
      }
    }
  }

  @Test
  void aDeadlockBetweenTwoCallsIsReportedAsADeadlock() {
    expectFailure(Failure.Kind.DEADLOCK, () -> Linearizability.of(TwoLockTransfer::new)
        .operation("leftToRight", TwoLockTransfer::leftToRight)
        .operation("rightToLeft", TwoLockTransfer::rightToLeft)
        .check());
  }
}
