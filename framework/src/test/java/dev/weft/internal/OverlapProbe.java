package dev.weft.internal;

import dev.weft.Body;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps bodies to measure how many of them run at the same moment, across explorations. In an
 * uninstrumented package, so that the wrapper adds no scheduling points to the bodies it wraps.
 */
public final class OverlapProbe {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();

  /** {@code body}, counted while it runs. */
  public Body counting(Body body) {
    return () -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        body.run();
      } finally {
        running.decrementAndGet();
      }
    };
  }

  /** The most wrapped bodies that ran at once. */
  public int most() {
    return most.get();
  }
}
