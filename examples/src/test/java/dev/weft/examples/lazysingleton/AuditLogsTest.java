package dev.weft.examples.lazysingleton;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 13: a lazy singleton on a plain static field. The buggy version fails with a data race on
 * the field; the holder idiom survives every explored interleaving.
 */
class AuditLogsTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void twoThreadsCreateTheLogLazily() throws InterruptedException {
    AuditScenario.twoRequests(new LazyAuditLogs());
  }

  @RaceTest
  void theHolderIdiomCreatesOneLog() throws InterruptedException {
    AuditScenario.twoRequests(new HolderAuditLogs());
  }
}
