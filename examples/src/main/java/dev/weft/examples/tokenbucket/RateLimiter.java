package dev.weft.examples.tokenbucket;

/** A token bucket in front of an API: each request takes a token; a timer puts tokens back. */
public interface RateLimiter {
  /** Takes a token if one is left: true lets the request through, false rejects it. */
  boolean tryAcquire();

  /** Puts {@code count} tokens back, up to the capacity; returns the tokens now available. */
  int refill(int count);

  /** The tokens available now. */
  int available();
}
