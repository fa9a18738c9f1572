package dev.weft.examples.plaincounter;

import java.util.concurrent.atomic.AtomicInteger;

/** Fixed: {@link AtomicInteger#incrementAndGet} makes the read, the add and the write one step. */
public final class AtomicHitCounter implements HitCounter {
  private final AtomicInteger hits = new AtomicInteger();

  @Override
  public void hit() {
    hits.incrementAndGet();
  }

  @Override
  public int hits() {
    return hits.get();
  }
}
