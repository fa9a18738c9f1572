package dev.weft.examples.tokenbucket;

import dev.weft.Linearizability;
import java.util.function.Supplier;

/**
 * The workload of both buckets: request threads take tokens while others refill and read the
 * count, and every history must be explainable by some sequential order of the same calls.
 */
public final class RateLimiterScenario {
  private RateLimiterScenario() {}

  /** Tokens in a fresh bucket: few, so that requests compete for the last ones. */
  static final int CAPACITY = 2;

  /** Two threads of three calls each, drawn anew in every execution, on a fresh bucket. */
  public static void concurrentRequests(Supplier<RateLimiter> bucket) {
    Linearizability.of(bucket)
        .operation("tryAcquire", RateLimiter::tryAcquire)
        .operation("refill", 1, 2, RateLimiter::refill)
        .operation("available", RateLimiter::available)
        .threads(2).operationsPerThread(3)
        .check();
  }

  /** A fresh buggy bucket. */
  public static RateLimiter buggy() {
    return new ApiRateLimiter(CAPACITY);
  }

  /** A fresh fixed bucket. */
  public static RateLimiter fixed() {
    return new ApiRateLimiterFixed(CAPACITY);
  }
}
