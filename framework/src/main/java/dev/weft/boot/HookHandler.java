package dev.weft.boot;

/**
 * What instrumented code reports to the controlled runtime. {@link Hooks} forwards each call here
 * while an exploration runs. Implementations decide per thread: calls from threads that are not
 * under control (or from the runtime itself) must behave exactly like the original operation.
 *
 * <p>Methods returning {@code boolean} answer "handled": {@code true} means the runtime performed
 * the operation in its model and the original JDK method body must be skipped.
 *
 * <p>{@code site} arguments identify the instrumented call site (class, method, line); they are
 * assigned when the class is transformed, so the hot path passes a constant int, not a stack trace.
 */
public interface HookHandler {

  /** Before {@code Thread.start()} of {@code child}. */
  void threadStarting(Thread child);

  /** After {@code Thread.start()} of {@code child} returned: a scheduling point. */
  void threadStarted(Thread child);

  /** First instruction of a thread's {@code run()}: a new thread waits here for its first turn. */
  void threadRunBegins();

  /** The current thread is terminating ({@code Thread.exit()}). */
  void threadExiting();

  /** {@code Thread.dispatchUncaughtException}: returns true to swallow the default handling. */
  boolean uncaughtException(Thread thread, Throwable error);

  /** Replaces {@code target.join(millis)} (0 = forever) at instrumented call sites. */
  void join(Thread target, long millis, int site) throws InterruptedException;

  /** Entering ({@code true}) or leaving a class initializer: no scheduling points in between. */
  void classInit(boolean entering);

  /** Replaces {@code thread.isAlive()}: a thread the model saw finish is no longer alive. */
  boolean isAlive(Thread thread);

  /** Before {@code target.interrupt()}. */
  void interrupting(Thread target);

  /** Before a {@code monitorenter} of {@code lock} (also the start of a synchronized method). */
  void monitorEnter(Object lock, int site);

  /** After a {@code monitorexit} of {@code lock} (also every exit of a synchronized method). */
  void monitorExit(Object lock, int site);

  /** Replaces {@code lock.wait(millis)} (0 = forever). */
  void waitOn(Object lock, long millis, int site) throws InterruptedException;

  /** Replaces {@code lock.notify()} or {@code lock.notifyAll()}. */
  void notifyOn(Object lock, boolean all, int site);

  /**
   * {@code LockSupport.park*}: {@code nanos} is 0 for an untimed park, else the relative timeout
   * (already converted from a deadline). Returns true when handled.
   */
  boolean park(Object blocker, long nanos, boolean timed);

  /** A real park returned: a thread adopted while it was parked checks in here. */
  void parkReturned();

  /** {@code LockSupport.unpark(thread)}: returns true when handled. */
  boolean unpark(Thread thread);

  /** Replaces {@code Thread.sleep} and {@code TimeUnit.sleep}. */
  void sleep(long nanos, int site) throws InterruptedException;

  /** Replaces {@code Thread.yield()}. */
  void yieldNow(int site);

  /** Replaces {@code Thread.onSpinWait()}. */
  void spinWait(int site);

  /** Before a read or write of a volatile field ({@code fieldId} names the field, not the object). */
  void volatileAccess(int fieldId, boolean write, int site);

  /** Before an atomic operation (an {@code Atomic*} method or a {@code VarHandle} access mode). */
  void atomicAccess(int site);

  /** A java.util.concurrent call made by application code returned (an acquire). */
  void concurrencyCallReturned(int site);

  /** A task object was created or handed to an executor. */
  void taskCreated(Object task);

  /** A pool thread starts a task (happens-before); returns what {@link #taskEnds} restores. */
  Object taskStarts(Object task);

  /** A task finished (happens-before); restores the thread's previous task unless SAME_TASK. */
  void taskEnds(Object restore);

  /**
   * Application code at {@code site} calls {@code method} on a receiver typed as a collection;
   * the collection's hook that runs next with the same method name belongs to this call.
   */
  void collectionCall(int site, String method, boolean concurrencyLibrary);

  /** The call announced by {@link #collectionCall} returned (or it reached no hook). */
  void collectionCallDone();

  /** An operation on a tracked collection begins; returns whether it is tracked. */
  boolean collectionEnter(Object instance, String method, Object argument);

  /**
   * A step of an iterator, spliterator or view begins; returns the collection it belongs to when
   * the step is tracked, else null.
   */
  Object iterationStep(Object view, String method);

  /** A tracked operation on {@code instance} ended. */
  void collectionExit(Object instance);

  /**
   * An operation on a ConcurrentHashMap begins ({@code true}) or ends: a scheduling point when
   * application code calls it, even through a plain {@code Map} variable.
   */
  void concurrentMapOperation(boolean starting, String method);

  /** A tracked collection was constructed (for "created at" in race reports). */
  void collectionCreated(Object instance);

  /**
   * Application code took a java.util.concurrent lock: a {@code Lock} (ReentrantLock, a read or
   * write lock of a ReentrantReadWriteLock, a StampedLock view) with {@code mode} {@link
   * Hooks#LOCK_OBJECT}, or a StampedLock with {@link Hooks#STAMP_READ} or {@link
   * Hooks#STAMP_WRITE}. Called after the lock was taken for real (a failed tryLock is not).
   */
  void lockAcquired(Object lock, int mode, int site);

  /** Application code released a lock reported by {@link #lockAcquired} (after the real unlock). */
  void lockReleased(Object lock, int mode, int site);

  // ---- monitors of synchronized JDK methods, modelled at the application's call -------------

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
