package dev.weft.examples.informer;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/**
 * The workload of both caches: the informers of two namespaces deliver events while the status
 * updater summarizes the cache.
 */
public final class InformerScenario {
  private InformerScenario() {}

  /** Two informers, one status updater; every summary must be a state the cache really had. */
  public static void twoInformersAndStatusUpdater(PodCache cache) throws InterruptedException {
    Thread prod = Threads.start("informer-prod", () -> {
      cache.onAdd(new Pod("prod", "web-1", Pod.Phase.PENDING));
      cache.onUpdate(new Pod("prod", "web-1", Pod.Phase.RUNNING));
    });
    Thread staging = Threads.start("informer-staging", () -> {
      cache.onAdd(new Pod("staging", "api-1", Pod.Phase.PENDING));
      cache.onDelete(new Pod("staging", "api-1", Pod.Phase.PENDING));
    });
    Thread status = Threads.start("status-updater", () -> {
      PodCache.Summary summary = cache.summarize();
      Check.that(summary.running() <= summary.pods() && summary.pods() <= 2,
          "impossible status " + summary);
    });
    Threads.joinAll(prod, staging, status);
    Check.equal(new PodCache.Summary(1, 1), cache.summarize(), "final status");
  }
}
