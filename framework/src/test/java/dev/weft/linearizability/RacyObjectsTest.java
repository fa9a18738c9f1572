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
 * An object that is racy as well as not linearizable: the data race is what Weft reports, since
 * the race detector sees it while the calls run, before the history is checked.
 */
class RacyObjectsTest {

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
    Result result = expectFailure(Failure.Kind.DATA_RACE, RacyObjectsTest::check);
    assertThat(result.report()).contains("HashMap");
  }

  @Test
  void withoutRaceDetectionTheSameObjectIsNotLinearizable() {
    // Collection calls are no scheduling points then; the volatile write between get and put is.
    expectFailure(Explore.options().raceDetection(false), Failure.Kind.NOT_LINEARIZABLE,
        RacyObjectsTest::check);
  }
}
