package dev.weft;

/**
 * Code Weft does not control, for tests: the agent never instruments the classes of Weft's API
 * package, so what this class does happens for real, in wall-clock time, with no scheduling point.
 */
public final class Uncontrolled {
  private Uncontrolled() {}

  /** A real {@code Object.wait(millis)} on a private lock. */
  public static void timedWait(long millis) throws InterruptedException {
    Object lock = new Object();
    synchronized (lock) {
      lock.wait(millis);
    }
  }

  /** A real sleep. */
  public static void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  /** Computes for {@code millis} of wall-clock time without a scheduling point. */
  public static long compute(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long n = 0;
    while (System.nanoTime() < end) n++;
    return n;
  }

  /** The real {@link System#nanoTime()}. */
  public static long nanoTime() {
    return System.nanoTime();
  }
}
