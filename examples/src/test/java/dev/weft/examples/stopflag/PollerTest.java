package dev.weft.examples.stopflag;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 14: a worker spinning on a plain stop flag. The buggy version fails with a data race on
 * the flag; the volatile one survives every explored interleaving.
 */
class PollerTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void aPlainFlagStopsTheWorker() throws InterruptedException {
    ShutdownScenario.stopTheWorker(new PlainFlagPoller());
  }

  @RaceTest
  void aVolatileFlagStopsTheWorker() throws InterruptedException {
    ShutdownScenario.stopTheWorker(new VolatileFlagPoller());
  }
}
