package dev.weft.internal.agent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Every construct the rewriter replaces or surrounds with a hook, for {@link HookMethodTest} to
 * rewrite. Never run: only its bytecode matters. Its package is not instrumented by the agent, so
 * the class file on disk is the original.
 */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class HookCallsSample {
  private volatile int counter;
  private int plain;
  private long plainLong;
  private float plainFloat;
  private double plainDouble;
  private Object plainReference;
  private static int staticInt;
  private static long staticLong;
  private static float staticFloat;
  private static double staticDouble;
  private static Object staticReference;
  private static final VarHandle PLAIN;

  static {
    try {
      PLAIN = MethodHandles.lookup().findVarHandle(HookCallsSample.class, "plain", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  synchronized void synchronizedMethod() {
    counter++;
  }

  void monitors(Object lock) throws InterruptedException {
    synchronized (lock) {
      lock.wait();
      lock.wait(1);
      lock.wait(1, 1);
      lock.notify();
      lock.notifyAll();
    }
  }

  void threads(Thread thread) throws InterruptedException {
    Thread.sleep(1);
    Thread.sleep(1, 1);
    Thread.yield();
    Thread.onSpinWait();
    long elapsed = System.nanoTime() + System.currentTimeMillis();
    elapsed += java.time.Instant.now().getNano() + java.time.Clock.systemUTC().millis();
    thread.join();
    thread.join(1);
    thread.join(1, 1);
    thread.isAlive();
    thread.interrupt();
    thread.isInterrupted();
    Thread.interrupted();
  }

  int memory(AtomicInteger atomic, ConcurrentHashMap<String, Integer> concurrent,
      Map<String, Integer> map) {
    counter = counter + 1;
    atomic.incrementAndGet();
    PLAIN.getAndAdd(this, 1);
    concurrent.put("a", 1);
    map.put("b", 2);
    return new HashMap<>(map).size();
  }

  long plainFieldsAndArrays() {
    plain = plain + 1;
    plainLong = 2L;
    plainFloat = 3f;
    plainDouble = 4d;
    plainReference = this;
    staticInt = staticInt + 1;
    staticLong = 5L;
    staticFloat = 6f;
    staticDouble = 7d;
    staticReference = this;
    int[] ints = new int[1];
    ints[0] = ints[0] + 1;
    long[] longs = new long[1];
    longs[0] = 1L;
    float[] floats = new float[1];
    floats[0] = 1f;
    double[] doubles = new double[1];
    doubles[0] = 1d;
    char[] chars = new char[1];
    chars[0] = 'a';
    short[] shorts = new short[1];
    shorts[0] = 1;
    byte[] bytes = new byte[1];
    bytes[0] = 1;
    Object[] objects = new Object[1];
    objects[0] = new HookCallsSample();
    // Shared, so that their accesses stay checked: arrays only this method sees would not be.
    share(ints, longs, floats, doubles, chars, shorts, bytes, objects);
    return ints[0] + longs[0];
  }

  private static void share(Object... arrays) {
    staticReference = arrays;
  }

  void locks(Lock lock, ReentrantLock reentrant) throws InterruptedException {
    lock.lock();
    lock.lockInterruptibly();
    lock.tryLock();
    lock.tryLock(1, TimeUnit.MILLISECONDS);
    lock.unlock();
    reentrant.lock();
    reentrant.unlock();
  }

  void stampedLocks(StampedLock lock) throws InterruptedException {
    long stamp = lock.writeLock();
    stamp = lock.tryWriteLock();
    stamp = lock.tryWriteLock(1, TimeUnit.MILLISECONDS);
    stamp = lock.writeLockInterruptibly();
    stamp = lock.readLock();
    stamp = lock.tryReadLock();
    stamp = lock.tryReadLock(1, TimeUnit.MILLISECONDS);
    stamp = lock.readLockInterruptibly();
    lock.unlockWrite(stamp);
    lock.unlockRead(stamp);
    lock.unlock(stamp);
    lock.tryUnlockWrite();
    lock.tryUnlockRead();
    stamp = lock.tryConvertToWriteLock(stamp);
    stamp = lock.tryConvertToReadLock(stamp);
    stamp = lock.tryConvertToOptimisticRead(stamp);
  }
}
