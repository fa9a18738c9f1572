package dev.weft.boot;

/**
 * Static entry points called by instrumented bytecode, in application classes and (inlined by
 * Advice) inside JDK classes. Loaded by the bootstrap class loader so that {@code java.base} can
 * see it. When no exploration runs, every hook is one volatile read and then the original
 * behaviour.
 */
public final class Hooks {
  private Hooks() {}

  // One field per family: a hook reads only its own, so a hook still costs one volatile read.
  private static volatile HookHandler handler;
  private static volatile ThreadHooks threads;
  private static volatile MonitorHooks monitors;
  private static volatile ParkingHooks parking;
  private static volatile TimeHooks time;
  private static volatile MemoryHooks memory;
  private static volatile TaskHooks tasks;
  private static volatile CollectionHooks collections;
  private static volatile LockHooks locks;
  private static volatile FieldHooks fields;
  /** Set once by the agent, independent of the runtime: classes initialize at any time. */
  private static volatile StaticsHooks statics;

  /** Installs (or with null removes) the runtime that receives the hooks. */
  public static synchronized void install(HookHandler h) {
    threads = h == null ? null : h.threads();
    monitors = h == null ? null : h.monitors();
    parking = h == null ? null : h.parking();
    time = h == null ? null : h.time();
    memory = h == null ? null : h.memory();
    tasks = h == null ? null : h.tasks();
    collections = h == null ? null : h.collections();
    locks = h == null ? null : h.locks();
    fields = h == null ? null : h.fields();
    handler = h;
  }

  /** Installs the receiver of {@link #classInitialized}; called once, by the agent. */
  public static void installStatics(StaticsHooks h) {
    statics = h;
  }

  public static HookHandler handler() {
    return handler;
  }

  public static void threadCreated(Thread thread) {
    ThreadHooks h = threads;
    if (h != null) h.threadCreated(thread);
  }

  public static void daemonSet(Thread thread) {
    ThreadHooks h = threads;
    if (h != null) h.daemonSet(thread);
  }

  public static void threadStarting(Thread child) {
    ThreadHooks h = threads;
    if (h != null) h.threadStarting(child);
  }

  public static void threadStarted(Thread child) {
    ThreadHooks h = threads;
    if (h != null) h.threadStarted(child);
  }

  public static void classInitStarts() {
    ThreadHooks h = threads;
    if (h != null) h.classInit(true);
  }

  public static void classInitEnds() {
    ThreadHooks h = threads;
    if (h != null) h.classInit(false);
  }

  /**
   * {@code type} finished initializing. Runs as part of the class initializer, so without
   * scheduling points: the receiver reflects over the class, which may load classes.
   */
  public static void classInitialized(Class<?> type) {
    StaticsHooks h = statics;
    if (h == null) return;
    classInitStarts();
    try {
      h.classInitialized(type);
    } finally {
      classInitEnds();
    }
  }

  public static boolean isAlive(Thread t) {
    ThreadHooks h = threads;
    return h != null ? h.isAlive(t) : t.isAlive();
  }

  public static void threadRunBegins() {
    ThreadHooks h = threads;
    if (h != null) h.threadRunBegins();
  }

  public static void threadExiting() {
    ThreadHooks h = threads;
    if (h != null) h.threadExiting();
  }

  /**
   * First instruction of {@code VirtualThread.run(Runnable)}, the virtual thread mounted: a new
   * thread waits here for its first turn. Returns true when the execution ended before that turn
   * came, so the task must not run: an exception thrown here would escape the virtual thread's
   * own handler (which the task's body is inside) and reach its carrier.
   */
  public static boolean virtualThreadRunBegins() {
    ThreadHooks h = threads;
    if (h == null) return false;
    try {
      h.threadRunBegins();
      return false;
    } catch (ExecutionAborted aborted) {
      return true;
    }
  }

  /**
   * End of {@code VirtualThread.run(Runnable)}, still mounted: a virtual thread never reaches
   * {@code Thread.exit()}. Nothing may escape to the carrier.
   */
  public static void virtualThreadExiting() {
    ThreadHooks h = threads;
    if (h == null) return;
    try {
      h.threadExiting();
    } catch (ExecutionAborted aborted) {
      // The execution is over for this thread: it ends like any other.
    }
  }

  public static boolean uncaughtException(Thread t, Throwable e) {
    ThreadHooks h = threads;
    return h != null && h.uncaughtException(t, e);
  }

  public static void join(Thread target, int site) throws InterruptedException {
    join(target, 0L, site);
  }

  public static void join(Thread target, long millis, int site) throws InterruptedException {
    ThreadHooks h = threads;
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

  /** Replaces {@code target.interrupt()} at application call sites. */
  public static void interrupt(Thread target, int site) {
    ThreadHooks h = threads;
    if (h != null) {
      h.interrupt(target, site);
    } else {
      target.interrupt();
    }
  }

  /** Replaces {@code target.isInterrupted()} at application call sites. */
  public static boolean isInterrupted(Thread target, int site) {
    ThreadHooks h = threads;
    return h != null ? h.isInterrupted(target, site) : target.isInterrupted();
  }

  /** Replaces {@code Thread.interrupted()} at application call sites. */
  public static boolean interrupted(int site) {
    ThreadHooks h = threads;
    return h != null ? h.interrupted(site) : Thread.interrupted();
  }

  public static void interrupting(Thread target) {
    ThreadHooks h = threads;
    if (h != null) h.interrupting(target);
  }

  public static void monitorEnter(Object lock, int site) {
    MonitorHooks h = monitors;
    if (h != null) h.monitorEnter(lock, site);
  }

  public static void monitorExit(Object lock, int site) {
    MonitorHooks h = monitors;
    if (h != null) h.monitorExit(lock, site);
  }

  public static void waitOn(Object lock, int site) throws InterruptedException {
    waitOn(lock, 0L, site);
  }

  public static void waitOn(Object lock, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    MonitorHooks h = monitors;
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
    MonitorHooks h = monitors;
    if (h != null) {
      h.notifyOn(lock, false, site);
    } else {
      lock.notify();
    }
  }

  public static void notifyAllOn(Object lock, int site) {
    MonitorHooks h = monitors;
    if (h != null) {
      h.notifyOn(lock, true, site);
    } else {
      lock.notifyAll();
    }
  }

  public static boolean park(Object blocker, long nanos, boolean timed) {
    ParkingHooks h = parking;
    return h != null && h.park(blocker, nanos, timed);
  }

  /** For {@code parkUntil}: converts the absolute deadline (epoch millis) to a relative wait. */
  public static boolean parkUntil(Object blocker, long deadlineMillis) {
    ParkingHooks h = parking;
    if (h == null) return false;
    long nanos = Math.max(1L, (deadlineMillis - System.currentTimeMillis()) * 1_000_000L);
    return h.park(blocker, nanos, true);
  }

  public static void parkReturned() {
    ParkingHooks h = parking;
    if (h != null) h.parkReturned();
  }

  public static boolean unpark(Thread thread) {
    ParkingHooks h = parking;
    return h != null && h.unpark(thread);
  }

  /**
   * Replaces {@code Unsafe.park(absolute, time)} in JDK classes that bypass {@code LockSupport}
   * (the ForkJoinPool of JDK 19+).
   */
  public static void unsafePark(Object unsafe, boolean absolute, long time) {
    ParkingHooks h = parking;
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
    ParkingHooks h = parking;
    if (thread instanceof Thread t && (h == null || !h.unpark(t))) {
      java.util.concurrent.locks.LockSupport.unpark(t);
    }
  }

  public static void sleep(long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    TimeHooks h = time;
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
    TimeHooks h = time;
    if (h != null) {
      h.sleep(millis * 1_000_000L + nanos, site);
    } else {
      Thread.sleep(millis, nanos);
    }
  }

  /** For {@code TimeUnit.sleep}: returns true when handled. */
  public static boolean sleepNanos(long nanos) throws InterruptedException {
    TimeHooks h = time;
    if (h == null) return false;
    h.sleep(Math.max(0L, nanos), -1);
    return true;
  }

  public static void yieldNow(int site) {
    TimeHooks h = time;
    if (h != null) {
      h.yieldNow(site);
    } else {
      Thread.yield();
    }
  }

  public static void spinWait(int site) {
    TimeHooks h = time;
    if (h != null) {
      h.spinWait(site);
    } else {
      Thread.onSpinWait();
    }
  }

  /** Replaces {@code System.nanoTime()} in application code. */
  public static long nanoTime(int site) {
    TimeHooks h = time;
    return h != null ? h.nanoTime(site) : System.nanoTime();
  }

  /** Replaces {@code System.currentTimeMillis()} in application code. */
  public static long currentTimeMillis(int site) {
    TimeHooks h = time;
    return h != null ? h.currentTimeMillis(site) : System.currentTimeMillis();
  }

  /**
   * Replaces the system clock that {@code Instant.now()}, {@code LocalDateTime.now()} and the
   * other {@code java.time} {@code now()} methods read, and {@code Clock.systemDefaultZone()}, in
   * application code.
   */
  public static java.time.Clock systemClock(int site) {
    TimeHooks h = time;
    return h != null ? h.systemClock(site) : java.time.Clock.systemDefaultZone();
  }

  public static void volatileRead(int fieldId, int site) {
    MemoryHooks h = memory;
    if (h != null) h.volatileAccess(fieldId, false, site);
  }

  public static void volatileWrite(int fieldId, int site) {
    MemoryHooks h = memory;
    if (h != null) h.volatileAccess(fieldId, true, site);
  }

  public static void atomicAccess(int site) {
    MemoryHooks h = memory;
    if (h != null) h.atomicAccess(site);
  }

  // ---- java.util.concurrent locks taken by application code ------------------------------------
  // Application call sites of Lock.lock/lockInterruptibly/tryLock/unlock and of StampedLock's
  // stamp methods are replaced by these: each performs the original call, then tells the runtime
  // what the calling thread now holds (for the "locks held" of race reports). JDK code is not
  // rewritten, so the JDK's own locks (a pool's mainLock, a queue's putLock) never show up.

  /** For {@link LockHooks#lockAcquired}: the mode follows from the Lock's class. */
  public static final int LOCK_OBJECT = 0;
  /** For {@link LockHooks#lockAcquired}: a StampedLock taken for reading. */
  public static final int STAMP_READ = 1;
  /** For {@link LockHooks#lockAcquired}: a StampedLock taken for writing. */
  public static final int STAMP_WRITE = 2;

  public static void lock(java.util.concurrent.locks.Lock lock, int site) {
    lock.lock();
    acquired(lock, LOCK_OBJECT, site);
  }

  public static void lockInterruptibly(java.util.concurrent.locks.Lock lock, int site)
      throws InterruptedException {
    lock.lockInterruptibly();
    acquired(lock, LOCK_OBJECT, site);
  }

  public static boolean tryLock(java.util.concurrent.locks.Lock lock, int site) {
    boolean locked = lock.tryLock();
    if (locked) acquired(lock, LOCK_OBJECT, site);
    return locked;
  }

  public static boolean tryLock(java.util.concurrent.locks.Lock lock, long time,
      java.util.concurrent.TimeUnit unit, int site) throws InterruptedException {
    boolean locked = lock.tryLock(time, unit);
    if (locked) acquired(lock, LOCK_OBJECT, site);
    return locked;
  }

  public static void unlock(java.util.concurrent.locks.Lock lock, int site) {
    lock.unlock();
    released(lock, LOCK_OBJECT, site);
  }

  public static long stampedWriteLock(java.util.concurrent.locks.StampedLock lock, int site) {
    return stampAcquired(lock, lock.writeLock(), site);
  }

  public static long stampedTryWriteLock(java.util.concurrent.locks.StampedLock lock, int site) {
    return stampAcquired(lock, lock.tryWriteLock(), site);
  }

  public static long stampedTryWriteLock(java.util.concurrent.locks.StampedLock lock, long time,
      java.util.concurrent.TimeUnit unit, int site) throws InterruptedException {
    return stampAcquired(lock, lock.tryWriteLock(time, unit), site);
  }

  public static long stampedWriteLockInterruptibly(java.util.concurrent.locks.StampedLock lock,
      int site) throws InterruptedException {
    return stampAcquired(lock, lock.writeLockInterruptibly(), site);
  }

  public static long stampedReadLock(java.util.concurrent.locks.StampedLock lock, int site) {
    return stampAcquired(lock, lock.readLock(), site);
  }

  public static long stampedTryReadLock(java.util.concurrent.locks.StampedLock lock, int site) {
    return stampAcquired(lock, lock.tryReadLock(), site);
  }

  public static long stampedTryReadLock(java.util.concurrent.locks.StampedLock lock, long time,
      java.util.concurrent.TimeUnit unit, int site) throws InterruptedException {
    return stampAcquired(lock, lock.tryReadLock(time, unit), site);
  }

  public static long stampedReadLockInterruptibly(java.util.concurrent.locks.StampedLock lock,
      int site) throws InterruptedException {
    return stampAcquired(lock, lock.readLockInterruptibly(), site);
  }

  public static void stampedUnlockWrite(java.util.concurrent.locks.StampedLock lock, long stamp,
      int site) {
    lock.unlockWrite(stamp);
    released(lock, STAMP_WRITE, site);
  }

  public static void stampedUnlockRead(java.util.concurrent.locks.StampedLock lock, long stamp,
      int site) {
    lock.unlockRead(stamp);
    released(lock, STAMP_READ, site);
  }

  public static void stampedUnlock(java.util.concurrent.locks.StampedLock lock, long stamp,
      int site) {
    lock.unlock(stamp);
    int mode = stampMode(stamp);
    if (mode != LOCK_OBJECT) released(lock, mode, site);
  }

  public static boolean stampedTryUnlockWrite(java.util.concurrent.locks.StampedLock lock,
      int site) {
    boolean unlocked = lock.tryUnlockWrite();
    if (unlocked) released(lock, STAMP_WRITE, site);
    return unlocked;
  }

  public static boolean stampedTryUnlockRead(java.util.concurrent.locks.StampedLock lock,
      int site) {
    boolean unlocked = lock.tryUnlockRead();
    if (unlocked) released(lock, STAMP_READ, site);
    return unlocked;
  }

  public static long stampedTryConvertToWriteLock(java.util.concurrent.locks.StampedLock lock,
      long stamp, int site) {
    return converted(lock, stamp, lock.tryConvertToWriteLock(stamp), site);
  }

  public static long stampedTryConvertToReadLock(java.util.concurrent.locks.StampedLock lock,
      long stamp, int site) {
    return converted(lock, stamp, lock.tryConvertToReadLock(stamp), site);
  }

  public static long stampedTryConvertToOptimisticRead(
      java.util.concurrent.locks.StampedLock lock, long stamp, int site) {
    return converted(lock, stamp, lock.tryConvertToOptimisticRead(stamp), site);
  }

  private static void acquired(Object lock, int mode, int site) {
    LockHooks h = locks;
    if (h != null) h.lockAcquired(lock, mode, site);
  }

  private static void released(Object lock, int mode, int site) {
    LockHooks h = locks;
    if (h != null) h.lockReleased(lock, mode, site);
  }

  /** STAMP_WRITE, STAMP_READ, or LOCK_OBJECT for a stamp that holds nothing (0, optimistic). */
  private static int stampMode(long stamp) {
    if (java.util.concurrent.locks.StampedLock.isWriteLockStamp(stamp)) return STAMP_WRITE;
    if (java.util.concurrent.locks.StampedLock.isReadLockStamp(stamp)) return STAMP_READ;
    return LOCK_OBJECT;
  }

  private static long stampAcquired(java.util.concurrent.locks.StampedLock lock, long stamp,
      int site) {
    int mode = stampMode(stamp);
    if (mode != LOCK_OBJECT) acquired(lock, mode, site);
    return stamp;
  }

  /** A successful conversion gives up the old stamp's mode and holds the new one's. */
  private static long converted(java.util.concurrent.locks.StampedLock lock, long from, long to,
      int site) {
    if (to == 0L) return to;
    int before = stampMode(from);
    int after = stampMode(to);
    if (before == after) return to;
    if (before != LOCK_OBJECT) released(lock, before, site);
    if (after != LOCK_OBJECT) acquired(lock, after, site);
    return to;
  }

  /** Passed as the argument of a collection operation that takes none. */
  public static final Object NO_ARGUMENT = new Object();

  public static void concurrencyCallReturned(int site) {
    MemoryHooks h = memory;
    if (h != null) h.concurrencyCallReturned(site);
  }

  /** Given to {@link #taskEnds(Object)} when the thread's current task must stay as it is. */
  public static final Object SAME_TASK = new Object();

  /** A task object was created (or handed to an executor): remembers who submitted it. */
  public static void taskCreated(Object task) {
    TaskHooks h = tasks;
    if (h != null) h.taskCreated(task);
  }

  /** A pool thread starts running {@code task}; returns what {@link #taskEnds} restores. */
  public static Object taskStarts(Object task) {
    TaskHooks h = tasks;
    return h == null ? SAME_TASK : h.taskStarts(task);
  }

  /** A task finished; {@code restore} comes from {@link #taskStarts} or is {@link #SAME_TASK}. */
  public static void taskEnds(Object restore) {
    TaskHooks h = tasks;
    if (h != null) h.taskEnds(restore);
  }

  /** A future is about to complete, or a pool worker to move on from a finished task. */
  public static void resultPublishing() {
    TaskHooks h = tasks;
    if (h != null) h.resultPublishing();
  }

  /**
   * Application code at {@code site} is about to call {@code method} on something typed as a
   * collection, or ({@code concurrencyLibrary}) into java.util.concurrent or a stream.
   */
  public static void collectionCall(int site, String method, boolean concurrencyLibrary) {
    CollectionHooks h = collections;
    if (h != null) h.collectionCall(site, method, concurrencyLibrary);
  }

  /** The call announced by {@link #collectionCall} returned. */
  public static void collectionCallDone() {
    CollectionHooks h = collections;
    if (h != null) h.collectionCallDone();
  }

  public static boolean collectionEnter(Object instance, String method, Object argument) {
    CollectionHooks h = collections;
    return h != null && h.collectionEnter(instance, method, argument);
  }

  public static boolean collectionEnter(Object instance, String method) {
    CollectionHooks h = collections;
    return h != null && h.collectionEnter(instance, method, NO_ARGUMENT);
  }

  /** Returns the collection whose step is tracked (pass it to collectionExit), or null. */
  public static Object iterationStep(Object view, String method) {
    CollectionHooks h = collections;
    return h == null ? null : h.iterationStep(view, method);
  }

  public static void collectionExit(Object instance) {
    CollectionHooks h = collections;
    if (h != null) h.collectionExit(instance);
  }

  public static void concurrentMapOperation(Object map, boolean starting, String method) {
    CollectionHooks h = collections;
    if (h != null) h.concurrentMapOperation(map, starting, method);
  }

  public static void collectionCreated(Object instance) {
    CollectionHooks h = collections;
    if (h != null) h.collectionCreated(instance);
  }

  // ---- JDK objects that are not thread-safe (SimpleDateFormat, StringBuilder, ByteBuffer, ...) --

  /** For {@link #objectAccess}: the operation only reads the object. */
  public static final int OBJECT_READ = 0;
  /** For {@link #objectAccess}: the operation changes the object. */
  public static final int OBJECT_WRITE = 1;
  /** For {@link #objectAccess}: a read or a write, depending on the object's state. */
  public static final int OBJECT_STATE_DEPENDENT = 2;

  /**
   * An operation of a tracked JDK object begins; returns whether it is tracked (then {@link
   * #collectionExit} follows). Costs one volatile and one thread-local read unless application
   * code announced the call: the JDK uses these classes everywhere.
   */
  public static boolean objectAccess(Object instance, String method, int kind) {
    CollectionHooks h = collections;
    return h != null && h.objectAccess(instance, method, kind);
  }

  /** A tracked JDK object was constructed (for "created at" in race reports). */
  public static void objectCreated(Object instance) {
    CollectionHooks h = collections;
    if (h != null) h.objectCreated(instance);
  }

  // ---- monitors of synchronized JDK methods, modelled at the application's call -------------

  /** See {@link MonitorHooks#synchronizedCallBegins}; called by helpers the agent adds. */
  public static Object synchronizedCallBegins(Object receiver, int signature, int site) {
    MonitorHooks h = monitors;
    return h == null ? null : h.synchronizedCallBegins(receiver, signature, site);
  }

  /** See {@link MonitorHooks#synchronizedCallEnds}; a null token (no monitor modelled) is free. */
  public static void synchronizedCallEnds(Object token, int site) {
    if (token == null) return;
    MonitorHooks h = monitors;
    if (h != null) h.synchronizedCallEnds(token, site);
  }

  /** See {@link MonitorHooks#classLoadingLockEnter}. */
  public static void classLoadingLockEnter(Object lock, int site) {
    MonitorHooks h = monitors;
    if (h != null) h.classLoadingLockEnter(lock, site);
  }

  /** See {@link MonitorHooks#classLoadingLockExit}. */
  public static void classLoadingLockExit(Object lock, int site) {
    MonitorHooks h = monitors;
    if (h != null) h.classLoadingLockExit(lock, site);
  }

  // ---- plain fields and array elements of application code -------------------------------------
  // A field access stays in its class (access rights), with the hook before it. Array stores are
  // made here, one hook per element type, so that the value written is at hand; array loads stay
  // in place (an aaload's result keeps its static type for the verifier) with the hook before.

  /** The holder a static field's hooks pass: a null holder is an instance field about to throw. */
  public static final Object STATIC_FIELD = new Object();

  public static void readField(Object holder, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldRead(holder, field, site);
  }

  public static void readStatic(int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldRead(STATIC_FIELD, field, site);
  }

  /** Also for boolean, byte, char and short fields, whose values are ints on the stack. */
  public static void writeField(Object holder, int value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(holder, field, value, null, site);
  }

  public static void writeField(Object holder, float value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(holder, field, Float.floatToRawIntBits(value), null, site);
  }

  public static void writeField(Object holder, Object value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(holder, field, 0L, value, site);
  }

  /** Returns {@code value}: a two-slot value cannot be copied under its holder. */
  public static long writeLongField(Object holder, long value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(holder, field, value, null, site);
    return value;
  }

  /** Returns {@code value}: a two-slot value cannot be copied under its holder. */
  public static double writeDoubleField(Object holder, double value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(holder, field, Double.doubleToRawLongBits(value), null, site);
    return value;
  }

  public static void writeStatic(int value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(STATIC_FIELD, field, value, null, site);
  }

  public static void writeStatic(long value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(STATIC_FIELD, field, value, null, site);
  }

  public static void writeStatic(float value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) {
      h.fieldWritten(STATIC_FIELD, field, Float.floatToRawIntBits(value), null, site);
    }
  }

  public static void writeStatic(double value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) {
      h.fieldWritten(STATIC_FIELD, field, Double.doubleToRawLongBits(value), null, site);
    }
  }

  public static void writeStatic(Object value, int field, int site) {
    FieldHooks h = fields;
    if (h != null) h.fieldWritten(STATIC_FIELD, field, 0L, value, site);
  }

  /** Before any xaload; the load itself stays in the application's code. */
  public static void readElement(Object array, int index, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementRead(array, index, site);
  }

  public static void writeElement(int[] array, int index, int value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, value, null, site);
    checkArray(array, "int")[index] = value;
  }

  public static void writeElement(long[] array, int index, long value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, value, null, site);
    checkArray(array, "long")[index] = value;
  }

  public static void writeElement(float[] array, int index, float value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, Float.floatToRawIntBits(value), null, site);
    checkArray(array, "float")[index] = value;
  }

  public static void writeElement(double[] array, int index, double value, int site) {
    FieldHooks h = fields;
    if (h != null) {
      h.elementWritten(array, index, Double.doubleToRawLongBits(value), null, site);
    }
    checkArray(array, "double")[index] = value;
  }

  /** A {@code castore}: the value is an int on the stack. */
  public static void writeElement(char[] array, int index, int value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, (char) value, null, site);
    checkArray(array, "char")[index] = (char) value;
  }

  /** A {@code sastore}: the value is an int on the stack. */
  public static void writeElement(short[] array, int index, int value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, (short) value, null, site);
    checkArray(array, "short")[index] = (short) value;
  }

  /** A {@code bastore}, which stores into a byte[] or a boolean[] alike (its low bit). */
  public static void writeElement(Object array, int index, int value, int site) {
    FieldHooks h = fields;
    if (array instanceof boolean[] flags) {
      if (h != null) h.elementWritten(array, index, value & 1, null, site);
      flags[index] = (value & 1) != 0;
    } else {
      if (h != null) h.elementWritten(array, index, (byte) value, null, site);
      ((byte[]) checkArray(array, "byte/boolean"))[index] = (byte) value;
    }
  }

  /** An {@code aastore}: the store below checks the element type as the instruction does. */
  public static void writeElement(Object[] array, int index, Object value, int site) {
    FieldHooks h = fields;
    if (h != null) h.elementWritten(array, index, 0L, value, site);
    checkArray(array, "object")[index] = value;
  }

  /** The store of a null array throws as the instruction would, without naming Weft's variable. */
  private static <A> A checkArray(A array, String type) {
    if (array == null) throw new NullPointerException("Cannot store to " + type + " array");
    return array;
  }

  /** After {@code new T(...)} or an array creation in application code. */
  public static void created(Object object, int site) {
    FieldHooks h = fields;
    if (h != null) h.created(object, site);
  }
}
