package dev.weft.examples.iteration;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 2: iterating a map while another thread writes it, Go's for-range racing a write. The buggy
 * version must fail with the expected kind; the fixed one must survive every explored
 * interleaving. The scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run
 * it too; it creates its objects and threads anew in each execution.
 */
class SessionRegistryTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void reportIteratesHashMapDuringLogins() throws InterruptedException {
    OnlineReportScenario.reportDuringLogins(new SessionRegistry());
  }

  @RaceTest
  void weaklyConsistentIterationIsSafe() throws InterruptedException {
    OnlineReportScenario.reportDuringLogins(new SessionRegistryFixed());
  }
}
