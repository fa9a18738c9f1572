package dev.weft.examples.tokenbucket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed {@link ApiRateLimiter}: each operation is one atomic read-modify-write.
 *
 * <p>{@code getAndUpdate} and {@code updateAndGet} retry a compare-and-set until no other thread
 * changed the count in between, so every call takes effect at one instant: two requests can no
 * longer both take the last token, and a refill cannot write back a count that is out of date.
 * A {@code synchronized} method around the old read and write would be just as correct.
 */
public final class ApiRateLimiterFixed implements RateLimiter {
  private final int capacity;
  private final AtomicInteger tokens;

  public ApiRateLimiterFixed(int capacity) {
    this.capacity = capacity;
    this.tokens = new AtomicInteger(capacity);
  }

  @Override
  public boolean tryAcquire() {
    return tokens.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
  }

  @Override
  public int refill(int count) {
    return tokens.updateAndGet(left -> Math.min(capacity, left + count));
  }

  @Override
  public int available() {
    return tokens.get();
  }
}
