package dev.weft.boot;

/** {@code synchronized}, {@code wait} and {@code notify}. */
public interface MonitorHooks {

  /** Before a {@code monitorenter} of {@code lock} (also the start of a synchronized method). */
  void monitorEnter(Object lock, int site);

  /** After a {@code monitorexit} of {@code lock} (also every exit of a synchronized method). */
  void monitorExit(Object lock, int site);

  /** Replaces {@code lock.wait(millis)} (0 = forever). */
  void waitOn(Object lock, long millis, int site) throws InterruptedException;

  /** Replaces {@code lock.notify()} or {@code lock.notifyAll()}. */
  void notifyOn(Object lock, boolean all, int site);
}
