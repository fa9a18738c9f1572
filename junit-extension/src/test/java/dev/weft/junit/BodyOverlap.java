package dev.weft.junit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts race-test bodies running at the same moment, across tests. Lives outside the fixtures
 * package so that Weft does not instrument it: its counting adds no scheduling points.
 */
public final class BodyOverlap {
  private BodyOverlap() {}

  private static final AtomicInteger RUNNING = new AtomicInteger();
  private static final AtomicInteger MAX = new AtomicInteger();

  public static void reset() {
    RUNNING.set(0);
    MAX.set(0);
  }

  /** Called first thing in a body. */
  public static void enter() {
    MAX.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
  }

  /** Called in a {@code finally} around the body. */
  public static void exit() {
    RUNNING.decrementAndGet();
  }

  /** The most bodies that ran at once since {@link #reset()}. */
  public static int max() {
    return MAX.get();
  }
}
