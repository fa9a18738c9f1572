package dev.weft.examples.nestedmap;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 6: a HashMap nested inside a ConcurrentHashMap value. The buggy version must fail with the
 * expected kind; the fixed one must survive every explored interleaving. The scenario lives in
 * main code so that {@link dev.weft.examples.ShowBugs} can run it too; it creates its objects and
 * threads anew in each execution.
 */
class TenantMetricsTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void hashMapInsideConcurrentHashMapRaces() throws InterruptedException {
    TenantTrafficScenario.twoRequestsOfOneTenant(new TenantMetrics());
  }

  @RaceTest
  void concurrentMapsAtEveryLevelAreSafe() throws InterruptedException {
    TenantTrafficScenario.twoRequestsOfOneTenant(new TenantMetricsFixed());
  }
}
