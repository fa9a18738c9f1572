package dev.weft.boot;

/**
 * Static entry points called by instrumented bytecode, in application classes and (inlined by
 * Advice) inside JDK classes. Loaded by the bootstrap class loader so that {@code java.base} can
 * see it. When no exploration runs, every hook is one volatile read and then the original
 * behaviour.
 */
public final class Hooks {
  private Hooks() {}

  private static volatile HookHandler handler;

  /** Installs (or with null removes) the runtime that receives the hooks. */
  public static void install(HookHandler h) {
    handler = h;
  }

  public static HookHandler handler() {
    return handler;
  }

  public static void threadStarting(Thread child) {
    HookHandler h = handler;
    if (h != null) h.threadStarting(child);
  }

  public static void threadStarted(Thread child) {
    HookHandler h = handler;
    if (h != null) h.threadStarted(child);
  }

  public static void classInitStarts() {
    HookHandler h = handler;
    if (h != null) h.classInit(true);
  }

  public static void classInitEnds() {
    HookHandler h = handler;
    if (h != null) h.classInit(false);
  }

  public static boolean isAlive(Thread t) {
    HookHandler h = handler;
    return h != null ? h.isAlive(t) : t.isAlive();
  }

  public static void threadRunBegins() {
    HookHandler h = handler;
    if (h != null) h.threadRunBegins();
  }

  public static void threadExiting() {
    HookHandler h = handler;
    if (h != null) h.threadExiting();
  }

  public static boolean uncaughtException(Thread t, Throwable e) {
    HookHandler h = handler;
    return h != null && h.uncaughtException(t, e);
  }

  public static void join(Thread target, int site) throws InterruptedException {
    join(target, 0L, site);
  }

  public static void join(Thread target, long millis, int site) throws InterruptedException {
    HookHandler h = handler;
    if (h != null) {
      h.join(target, millis, site);
    } else {
      target.join(millis);
    }
  }

  public static void join(Thread target, long millis, int nanos, int site)
      throws InterruptedException {
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    join(target, millis == 0 && nanos > 0 ? 1 : millis, site);
  }

  public static void interrupting(Thread target) {
    HookHandler h = handler;
    if (h != null) h.interrupting(target);
  }

  public static void monitorEnter(Object lock, int site) {
    HookHandler h = handler;
    if (h != null) h.monitorEnter(lock, site);
  }

  public static void monitorExit(Object lock, int site) {
    HookHandler h = handler;
    if (h != null) h.monitorExit(lock, site);
  }

  public static void waitOn(Object lock, int site) throws InterruptedException {
    waitOn(lock, 0L, site);
  }

  public static void waitOn(Object lock, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    HookHandler h = handler;
    if (h != null) {
      h.waitOn(lock, millis, site);
    } else {
      lock.wait(millis);
    }
  }

  public static void waitOn(Object lock, long millis, int nanos, int site)
      throws InterruptedException {
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    waitOn(lock, millis == 0 && nanos > 0 ? 1 : millis, site);
  }

  public static void notifyOn(Object lock, int site) {
    HookHandler h = handler;
    if (h != null) {
      h.notifyOn(lock, false, site);
    } else {
      lock.notify();
    }
  }

  public static void notifyAllOn(Object lock, int site) {
    HookHandler h = handler;
    if (h != null) {
      h.notifyOn(lock, true, site);
    } else {
      lock.notifyAll();
    }
  }

  public static boolean park(Object blocker, long nanos, boolean timed) {
    HookHandler h = handler;
    return h != null && h.park(blocker, nanos, timed);
  }

  /** For {@code parkUntil}: converts the absolute deadline (epoch millis) to a relative wait. */
  public static boolean parkUntil(Object blocker, long deadlineMillis) {
    HookHandler h = handler;
    if (h == null) return false;
    long nanos = Math.max(1L, (deadlineMillis - System.currentTimeMillis()) * 1_000_000L);
    return h.park(blocker, nanos, true);
  }

  public static void parkReturned() {
    HookHandler h = handler;
    if (h != null) h.parkReturned();
  }

  public static boolean unpark(Thread thread) {
    HookHandler h = handler;
    return h != null && h.unpark(thread);
  }

  /**
   * Replaces {@code Unsafe.park(absolute, time)} in JDK classes that bypass {@code LockSupport}
   * (the ForkJoinPool of JDK 19+).
   */
  public static void unsafePark(Object unsafe, boolean absolute, long time) {
    HookHandler h = handler;
    boolean timed = absolute || time > 0;
    long nanos = absolute ? Math.max(1L, (time - System.currentTimeMillis()) * 1_000_000L) : time;
    if (h != null && h.park(null, timed ? nanos : 0L, timed)) return;
    // Same effect as the Unsafe call for a platform thread, without needing jdk.internal access.
    if (absolute) {
      java.util.concurrent.locks.LockSupport.parkUntil(time);
    } else if (time > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(time);
    } else {
      java.util.concurrent.locks.LockSupport.park();
    }
  }

  /** Replaces {@code Unsafe.unpark(thread)} in JDK classes that bypass {@code LockSupport}. */
  public static void unsafeUnpark(Object unsafe, Object thread) {
    HookHandler h = handler;
    if (thread instanceof Thread t && (h == null || !h.unpark(t))) {
      java.util.concurrent.locks.LockSupport.unpark(t);
    }
  }

  public static void sleep(long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    HookHandler h = handler;
    if (h != null) {
      h.sleep(millis * 1_000_000L, site);
    } else {
      Thread.sleep(millis);
    }
  }

  public static void sleep(long millis, int nanos, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    HookHandler h = handler;
    if (h != null) {
      h.sleep(millis * 1_000_000L + nanos, site);
    } else {
      Thread.sleep(millis, nanos);
    }
  }

  /** For {@code TimeUnit.sleep}: returns true when handled. */
  public static boolean sleepNanos(long nanos) throws InterruptedException {
    HookHandler h = handler;
    if (h == null) return false;
    h.sleep(Math.max(0L, nanos), -1);
    return true;
  }

  public static void yieldNow(int site) {
    HookHandler h = handler;
    if (h != null) {
      h.yieldNow(site);
    } else {
      Thread.yield();
    }
  }

  public static void spinWait(int site) {
    HookHandler h = handler;
    if (h != null) {
      h.spinWait(site);
    } else {
      Thread.onSpinWait();
    }
  }

  public static void volatileRead(int fieldId, int site) {
    HookHandler h = handler;
    if (h != null) h.volatileAccess(fieldId, false, site);
  }

  public static void volatileWrite(int fieldId, int site) {
    HookHandler h = handler;
    if (h != null) h.volatileAccess(fieldId, true, site);
  }

  public static void atomicAccess(int site) {
    HookHandler h = handler;
    if (h != null) h.atomicAccess(site);
  }

  /** Passed as the argument of a collection operation that takes none. */
  public static final Object NO_ARGUMENT = new Object();

  public static void concurrencyCallReturned(int site) {
    HookHandler h = handler;
    if (h != null) h.concurrencyCallReturned(site);
  }

  /** Given to {@link #taskEnds(Object)} when the thread's current task must stay as it is. */
  public static final Object SAME_TASK = new Object();

  /** A task object was created (or handed to an executor): remembers who submitted it. */
  public static void taskCreated(Object task) {
    HookHandler h = handler;
    if (h != null) h.taskCreated(task);
  }

  /** A pool thread starts running {@code task}; returns what {@link #taskEnds} restores. */
  public static Object taskStarts(Object task) {
    HookHandler h = handler;
    return h == null ? SAME_TASK : h.taskStarts(task);
  }

  /** A task finished; {@code restore} comes from {@link #taskStarts} or is {@link #SAME_TASK}. */
  public static void taskEnds(Object restore) {
    HookHandler h = handler;
    if (h != null) h.taskEnds(restore);
  }

  /**
   * Application code at {@code site} is about to call {@code method} on something typed as a
   * collection, or ({@code concurrencyLibrary}) into java.util.concurrent or a stream.
   */
  public static void collectionCall(int site, String method, boolean concurrencyLibrary) {
    HookHandler h = handler;
    if (h != null) h.collectionCall(site, method, concurrencyLibrary);
  }

  /** The call announced by {@link #collectionCall} returned. */
  public static void collectionCallDone() {
    HookHandler h = handler;
    if (h != null) h.collectionCallDone();
  }

  public static boolean collectionEnter(Object instance, String method, Object argument) {
    HookHandler h = handler;
    return h != null && h.collectionEnter(instance, method, argument);
  }

  public static boolean collectionEnter(Object instance, String method) {
    HookHandler h = handler;
    return h != null && h.collectionEnter(instance, method, NO_ARGUMENT);
  }

  /** Returns the collection whose step is tracked (pass it to collectionExit), or null. */
  public static Object iterationStep(Object view, String method) {
    HookHandler h = handler;
    return h == null ? null : h.iterationStep(view, method);
  }

  public static void collectionExit(Object instance) {
    HookHandler h = handler;
    if (h != null) h.collectionExit(instance);
  }

  public static void concurrentMapOperation(boolean starting, String method) {
    HookHandler h = handler;
    if (h != null) h.concurrentMapOperation(starting, method);
  }

  public static void collectionCreated(Object instance) {
    HookHandler h = handler;
    if (h != null) h.collectionCreated(instance);
  }
}
