package dev.weft.examples.tokenbucket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Buggy: every operation reads the count and then writes a new one, two separate steps on an
 * {@link AtomicInteger}.
 *
 * <p>There is no data race here: every access is atomic and ordered, so a race detector has
 * nothing to say, and no single-threaded test fails. But two requests that both read "1 token
 * left" both take it, and a refill that read the count before a request took a token writes the
 * old count back, handing that token out again. No sequential order of the calls explains what
 * the callers saw: the bucket is not linearizable. Under load it lets through more requests than
 * its limit, the kind of bug that only shows as a traffic spike. {@link ApiRateLimiterFixed} is
 * the fix.
 */
public final class ApiRateLimiter implements RateLimiter {
  private final int capacity;
  private final AtomicInteger tokens;

  public ApiRateLimiter(int capacity) {
    this.capacity = capacity;
    this.tokens = new AtomicInteger(capacity);
  }

  @Override
  public boolean tryAcquire() {
    int left = tokens.get();
    if (left == 0) return false;
    tokens.set(left - 1);
    return true;
  }

  @Override
  public int refill(int count) {
    int now = Math.min(capacity, tokens.get() + count);
    tokens.set(now);
    return now;
  }

  @Override
  public int available() {
    return tokens.get();
  }
}
