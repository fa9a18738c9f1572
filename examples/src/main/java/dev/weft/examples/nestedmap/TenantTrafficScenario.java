package dev.weft.examples.nestedmap;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both metrics: two requests of the same tenant counted at the same time. */
public final class TenantTrafficScenario {
  private TenantTrafficScenario() {}

  /** Two requests of tenant "acme" (and one of "globex"); no increment may be lost. */
  public static void twoRequestsOfOneTenant(TenantCounters metrics) throws InterruptedException {
    Thread first = Threads.start("request-1", () -> {
      metrics.increment("acme", "requests");
      metrics.increment("acme", "errors");
    });
    Thread second = Threads.start("request-2", () -> {
      metrics.increment("acme", "requests");
      metrics.increment("globex", "requests");
    });
    Threads.joinAll(first, second);
    Check.equal(2L, metrics.count("acme", "requests"), "requests of acme");
    Check.equal(1L, metrics.count("acme", "errors"), "errors of acme");
  }
}
