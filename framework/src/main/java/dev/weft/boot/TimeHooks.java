package dev.weft.boot;

/** Sleeping, yielding and spinning: scheduling choices, never real time. */
public interface TimeHooks {

  /** Replaces {@code Thread.sleep} and {@code TimeUnit.sleep}. */
  void sleep(long nanos, int site) throws InterruptedException;

  /** Replaces {@code Thread.yield()}. */
  void yieldNow(int site);

  /** Replaces {@code Thread.onSpinWait()}. */
  void spinWait(int site);
}
