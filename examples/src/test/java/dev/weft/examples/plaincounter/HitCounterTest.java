package dev.weft.examples.plaincounter;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 12: a plain int counter incremented by two threads. The buggy version fails with a data
 * race on the field; the atomic one survives every explored interleaving.
 */
class HitCounterTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void twoThreadsIncrementAPlainInt() throws InterruptedException {
    HitScenario.twoRequests(new PlainHitCounter());
  }

  @RaceTest
  void anAtomicIntegerCountsEveryHit() throws InterruptedException {
    HitScenario.twoRequests(new AtomicHitCounter());
  }
}
