package dev.weft.examples;

/** Starting and joining the few named threads of an example's scenario. */
public final class Threads {
  private Threads() {}

  /**
   * Starts {@code task} on a new thread called {@code name}; Weft's reports show the name next to
   * its own (T1, T2, ...), so a report says which role each racing thread played.
   */
  public static Thread start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.start();
    return thread;
  }

  /** Waits for all {@code threads} to finish. */
  public static void joinAll(Thread... threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
