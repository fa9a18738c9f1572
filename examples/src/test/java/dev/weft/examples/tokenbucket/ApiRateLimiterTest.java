package dev.weft.examples.tokenbucket;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 11: a token bucket whose operations read and then write an AtomicInteger. There is no data
 * race, yet the buggy version must fail as not linearizable; the fixed one must survive every
 * explored interleaving. The scenario lives in main code so that {@link dev.weft.examples.ShowBugs}
 * can run it too; each execution checks a fresh bucket.
 */
class ApiRateLimiterTest {

  @RaceTest(expect = Failure.Kind.NOT_LINEARIZABLE)
  void checkThenSetHandsOutTheLastTokenTwice() {
    RateLimiterScenario.concurrentRequests(RateLimiterScenario::buggy);
  }

  @RaceTest
  void atomicUpdatesAreLinearizable() {
    RateLimiterScenario.concurrentRequests(RateLimiterScenario::fixed);
  }
}
