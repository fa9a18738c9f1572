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
    thread.join();
    thread.join(1);
    thread.join(1, 1);
    thread.isAlive();
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
