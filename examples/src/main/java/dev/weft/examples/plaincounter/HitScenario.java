package dev.weft.examples.plaincounter;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both counters: two request threads hit the page once each. */
public final class HitScenario {
  private HitScenario() {}

  /** Afterwards both hits must have been counted. */
  public static void twoRequests(HitCounter counter) throws InterruptedException {
    Thread first = Threads.start("request-1", counter::hit);
    Thread second = Threads.start("request-2", counter::hit);
    Threads.joinAll(first, second);
    Check.equal(2, counter.hits(), "hits");
  }
}
