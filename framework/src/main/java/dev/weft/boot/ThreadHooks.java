package dev.weft.boot;

/** The life of threads: start, run, end, join, interrupt, and class initialization. */
public interface ThreadHooks {

  /**
   * A {@code Thread} constructor of {@code thread} returned, on the thread that made it: a thread
   * inherits its creator's daemon status.
   */
  void threadCreated(Thread thread);

  /** {@code thread.setDaemon(...)} was called: its daemon status is now its own. */
  void daemonSet(Thread thread);

  /** Before {@code Thread.start()} of {@code child} (a virtual thread's {@code start}, too). */
  void threadStarting(Thread child);

  /**
   * After {@code Thread.start()} of {@code child} returned: a scheduling point. For a virtual
   * thread also when its start threw.
   */
  void threadStarted(Thread child);

  /**
   * First instruction of a thread's {@code run()}, or of {@code VirtualThread.run(Runnable)}: a
   * new thread waits here for its first turn.
   */
  void threadRunBegins();

  /**
   * The current thread is terminating ({@code Thread.exit()}, or the end of a virtual thread's
   * {@code run(Runnable)}).
   */
  void threadExiting();

  /** {@code Thread.dispatchUncaughtException}: returns true to swallow the default handling. */
  boolean uncaughtException(Thread thread, Throwable error);

  /** Replaces {@code target.join(millis)} (0 = forever) at instrumented call sites. */
  void join(Thread target, long millis, int site) throws InterruptedException;

  /** Replaces {@code thread.isAlive()}: a thread the model saw finish is no longer alive. */
  boolean isAlive(Thread thread);

  /**
   * Replaces {@code target.interrupt()} at application call sites: a scheduling point, then the
   * call (which reaches {@link #interrupting}).
   */
  void interrupt(Thread target, int site);

  /** Replaces {@code target.isInterrupted()} at application call sites: a scheduling point. */
  boolean isInterrupted(Thread target, int site);

  /** Replaces {@code Thread.interrupted()} at application call sites: a scheduling point. */
  boolean interrupted(int site);

  /** Before {@code target.interrupt()}, wherever it is called (the JDK's own calls too). */
  void interrupting(Thread target);

  /** Entering ({@code true}) or leaving a class initializer: no scheduling points in between. */
  void classInit(boolean entering);
}
