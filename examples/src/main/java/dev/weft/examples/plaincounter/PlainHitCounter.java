package dev.weft.examples.plaincounter;

/**
 * Buggy: a plain {@code int} incremented by every request thread, the first concurrency bug most
 * Java teams write.
 *
 * <p>{@code hits++} is a read, an add and a write: two threads that interleave them both read the
 * same count and both write count + 1, and one hit is lost. Nothing orders the two threads'
 * accesses either, so a reader may never see the other thread's writes. The bug hides under
 * tests: the window between the read and the write is a few instructions wide. {@link
 * AtomicHitCounter} is the fix.
 */
public final class PlainHitCounter implements HitCounter {
  private int hits;

  @Override
  public void hit() {
    hits++;
  }

  @Override
  public int hits() {
    return hits;
  }
}
