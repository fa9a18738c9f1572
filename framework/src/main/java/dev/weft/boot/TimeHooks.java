package dev.weft.boot;

/** Sleeping, yielding and spinning: scheduling choices, never real time. */
public interface TimeHooks {

  /** Replaces {@code Thread.sleep} and {@code TimeUnit.sleep}. */
  void sleep(long nanos, int site) throws InterruptedException;

  /** Replaces {@code Thread.yield()}. */
  void yieldNow(int site);

  /** Replaces {@code Thread.onSpinWait()}. */
  void spinWait(int site);

  /** Replaces {@code System.nanoTime()}: virtual time inside an execution, else the real clock. */
  long nanoTime(int site);

  /** Replaces {@code System.currentTimeMillis()}: as {@link #nanoTime}, in milliseconds. */
  long currentTimeMillis(int site);

  /**
   * Replaces {@code Clock.systemDefaultZone()}, and the clock of every {@code java.time} {@code
   * now()}: a clock that reads as {@link #currentTimeMillis} does, in the default time zone.
   */
  java.time.Clock systemClock(int site);
}
