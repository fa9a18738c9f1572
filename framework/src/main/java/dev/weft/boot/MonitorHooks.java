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

  /**
   * Application code at {@code site} is about to call a method that may be a synchronized JDK
   * method on {@code receiver}: {@code signature} numbers its name and descriptor (see {@code
   * SynchronizedJdkMethods}), or is -1 when the target is known to be synchronized (a {@code
   * super} call). When the method the call dispatches to is synchronized, the thread takes the
   * receiver's monitor in the model (a scheduling point, where it may have to wait) and the
   * receiver is returned as the token for {@link #synchronizedCallEnds}; else null.
   */
  Object synchronizedCallBegins(Object receiver, int signature, int site);

  /** The call announced by {@link #synchronizedCallBegins} returned or threw; token not null. */
  void synchronizedCallEnds(Object token, int site);

  /**
   * Before a {@code monitorenter} in {@code ClassLoader.loadClass} (its class-loading lock). When
   * the JVM loads a class through a loader that is not parallel capable, it takes that loader's
   * monitor itself before calling {@code loadClass}: then the thread already holds the lock for
   * real, and a scheduling point here could hand the turn to a thread that would block on it
   * where Weft cannot see.
   */
  void classLoadingLockEnter(Object lock, int site);

  /**
   * After a {@code monitorexit} in {@code ClassLoader.loadClass}; see {@link
   * #classLoadingLockEnter}.
   */
  void classLoadingLockExit(Object lock, int site);
}
