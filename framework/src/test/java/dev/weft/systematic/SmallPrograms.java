package dev.weft.systematic;

import dev.weft.Body;
import dev.weft.internal.Outcomes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Small real programs for the differential test: each records what it computed ({@link
 * Outcomes}), so that two searches can be compared by the outcomes they reach. Every one is small
 * enough to enumerate all its schedules without reduction.
 */
public final class SmallPrograms {
  private SmallPrograms() {}

  static volatile int x;
  static volatile int y;
  static volatile boolean flag;

  /** The programs by name. */
  public static Map<String, Body> all() {
    Map<String, Body> p = new LinkedHashMap<>();
    p.put("volatile writes", SmallPrograms::volatileWrites);
    p.put("store buffering", SmallPrograms::storeBuffering);
    p.put("independent threads", SmallPrograms::independentThreads);
    p.put("monitor order", SmallPrograms::monitorOrder);
    p.put("monitor and volatile", SmallPrograms::monitorAndVolatile);
    p.put("wait and notify", SmallPrograms::waitAndNotify);
    p.put("lost notify", SmallPrograms::lostNotify);
    p.put("notify one of two", SmallPrograms::notifyOneOfTwo);
    p.put("timed waits and a sleep", SmallPrograms::timedWaitsAndSleep);
    p.put("lock order deadlock", SmallPrograms::lockOrderDeadlock);
    p.put("reentrant lock", SmallPrograms::reentrantLock);
    p.put("try lock", SmallPrograms::tryLock);
    p.put("condition", SmallPrograms::condition);
    p.put("read write lock", SmallPrograms::readWriteLock);
    p.put("atomic lost update", SmallPrograms::atomicLostUpdate);
    p.put("compare and set", SmallPrograms::compareAndSet);
    p.put("hash map race", SmallPrograms::hashMapRace);
    p.put("two hash map races", SmallPrograms::twoHashMapRaces);
    p.put("concurrent map", SmallPrograms::concurrentMap);
    p.put("is alive", SmallPrograms::isAlive);
    p.put("park and unpark", SmallPrograms::parkAndUnpark);
    p.put("latch", SmallPrograms::latch);
    p.put("semaphore", SmallPrograms::semaphore);
    p.put("executor", SmallPrograms::executor);
    p.put("future is done", SmallPrograms::futureIsDone);
    p.put("completable future", SmallPrograms::completableFuture);
    p.put("interrupt before sleep", SmallPrograms::interruptBeforeSleep);
    p.put("interrupt a waiter", SmallPrograms::interruptAWaiter);
    p.put("interrupt and park", SmallPrograms::interruptAndPark);
    p.putAll(timeouts());
    return p;
  }

  /**
   * The programs whose timed waits time out once another thread's sleep passed their deadline,
   * while other threads can still run (part of {@link #all}).
   */
  public static Map<String, Body> timeouts() {
    Map<String, Body> p = new LinkedHashMap<>();
    p.put("timed join", SmallPrograms::timedJoin);
    p.put("timed wait", SmallPrograms::timedWait);
    return p;
  }

  static void volatileWrites() throws InterruptedException {
    x = 0;
    Thread a = new Thread(() -> x = 1);
    Thread b = new Thread(() -> x = 2);
    a.start();
    b.start();
    a.join();
    b.join();
    Outcomes.record("x=" + x);
  }

  static void storeBuffering() throws InterruptedException {
    x = 0;
    y = 0;
    int[] r = new int[2];
    Thread a = new Thread(() -> {
      x = 1;
      r[0] = y;
    });
    Thread b = new Thread(() -> {
      y = 1;
      r[1] = x;
    });
    a.start();
    b.start();
    a.join();
    b.join();
    Outcomes.record(r[0] + "," + r[1]);
  }

  static void independentThreads() throws InterruptedException {
    Object first = new Object();
    Object second = new Object();
    int[] r = new int[2];
    Thread a = new Thread(() -> {
      synchronized (first) {
        r[0]++;
      }
    });
    Thread b = new Thread(() -> {
      synchronized (second) {
        r[1]++;
      }
    });
    a.start();
    b.start();
    a.join();
    b.join();
    Outcomes.record(r[0] + "," + r[1]);
  }

  static void monitorOrder() throws InterruptedException {
    Object lock = new Object();
    StringBuilder order = new StringBuilder();
    Thread a = new Thread(() -> {
      synchronized (lock) {
        order.append('a');
      }
    });
    a.start();
    synchronized (lock) {
      order.append('0');
    }
    a.join();
    Outcomes.record(order.toString());
  }

  /** A volatile read between two monitor sections: the step after it releases the monitor. */
  static void monitorAndVolatile() throws InterruptedException {
    Object lock = new Object();
    x = 0;
    int[] seen = new int[2];
    Thread a = new Thread(() -> {
      synchronized (lock) {
        seen[0] = x;
      }
      x = 1;
    });
    a.start();
    synchronized (lock) {
      seen[1] = x;
    }
    a.join();
    Outcomes.record(seen[0] + "," + seen[1]);
  }

  static void waitAndNotify() throws InterruptedException {
    Object lock = new Object();
    boolean[] ready = {false};
    int[] woke = {0};
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        while (!ready[0]) {
          try {
            lock.wait();
            woke[0]++;
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    });
    waiter.start();
    synchronized (lock) {
      ready[0] = true;
      lock.notify();
    }
    waiter.join();
    Outcomes.record("woke " + woke[0]);
  }

  /** Waits without checking a condition: deadlocks when the notify comes first. */
  static void lostNotify() throws InterruptedException {
    Object lock = new Object();
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    waiter.start();
    synchronized (lock) {
      lock.notify();
    }
    waiter.join();
    Outcomes.record("done");
  }

  /** Which of two waiters a notify wakes is a choice of the schedule. */
  static void notifyOneOfTwo() throws InterruptedException {
    Object lock = new Object();
    StringBuilder woke = new StringBuilder();
    int[] waiting = {0};
    Runnable waiter = () -> {
      synchronized (lock) {
        waiting[0]++;
        try {
          lock.wait();
        } catch (InterruptedException e) {
          return;
        }
        woke.append(Thread.currentThread().getName());
      }
    };
    Thread a = new Thread(waiter, "a");
    Thread b = new Thread(waiter, "b");
    a.start();
    b.start();
    while (true) {
      synchronized (lock) {
        if (waiting[0] == 2) {
          lock.notify();
          lock.notify();
          break;
        }
      }
      Thread.yield();
    }
    a.join();
    b.join();
    Outcomes.record("woke " + woke);
  }

  /**
   * Two timed waits on one monitor that both time out, and a sleep between them that moves the
   * virtual clock past the first one's deadline when its wait began before the sleep: that waiter
   * may then time out while the body still runs, and times out first. Begun after the sleep, both
   * waits have the same deadline, and either may time out first.
   */
  static void timedWaitsAndSleep() throws InterruptedException {
    Object lock = new Object();
    int[] at = new int[2];
    int[] timedOut = {0};
    Thread a = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait(5);
        } catch (InterruptedException e) {
          return;
        }
        at[0] = ++timedOut[0];
      }
    });
    a.start();
    Thread.sleep(10);
    synchronized (lock) {
      lock.wait(5);
      at[1] = ++timedOut[0];
    }
    a.join();
    Outcomes.record("timed out " + (at[0] < at[1] ? "a, body" : "body, a"));
  }

  static void lockOrderDeadlock() throws InterruptedException {
    Object first = new Object();
    Object second = new Object();
    Thread a = new Thread(() -> {
      synchronized (first) {
        synchronized (second) {
          x = 1;
        }
      }
    });
    a.start();
    synchronized (second) {
      synchronized (first) {
        x = 2;
      }
    }
    a.join();
    Outcomes.record("x=" + x);
  }

  static void reentrantLock() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    StringBuilder order = new StringBuilder();
    Thread a = new Thread(() -> {
      lock.lock();
      try {
        order.append('a');
      } finally {
        lock.unlock();
      }
    });
    a.start();
    lock.lock();
    try {
      order.append('0');
    } finally {
      lock.unlock();
    }
    a.join();
    Outcomes.record(order.toString());
  }

  static void tryLock() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    boolean[] got = new boolean[1];
    Thread a = new Thread(() -> {
      if (lock.tryLock()) {
        got[0] = true;
        lock.unlock();
      }
    });
    a.start();
    lock.lock();
    lock.unlock();
    a.join();
    Outcomes.record("got " + got[0]);
  }

  static void condition() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition changed = lock.newCondition();
    int[] value = {0};
    Thread a = new Thread(() -> {
      lock.lock();
      try {
        value[0] = 1;
        changed.signal();
      } finally {
        lock.unlock();
      }
    });
    a.start();
    lock.lock();
    int seen;
    try {
      seen = value[0];
      while (value[0] == 0) changed.await();
    } finally {
      lock.unlock();
    }
    a.join();
    Outcomes.record("seen " + seen + " then " + value[0]);
  }

  static void readWriteLock() throws InterruptedException {
    ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    int[] value = {0};
    int[] read = {-1};
    Thread reader = new Thread(() -> {
      lock.readLock().lock();
      try {
        read[0] = value[0];
      } finally {
        lock.readLock().unlock();
      }
    });
    reader.start();
    lock.writeLock().lock();
    try {
      value[0] = 1;
    } finally {
      lock.writeLock().unlock();
    }
    reader.join();
    Outcomes.record("read " + read[0]);
  }

  static void atomicLostUpdate() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    Thread a = new Thread(() -> counter.set(counter.get() + 1));
    a.start();
    counter.set(counter.get() + 1);
    a.join();
    Outcomes.record("counter " + counter.get());
  }

  static void compareAndSet() throws InterruptedException {
    AtomicInteger owner = new AtomicInteger();
    Thread a = new Thread(() -> owner.compareAndSet(0, 1));
    Thread b = new Thread(() -> owner.compareAndSet(0, 2));
    a.start();
    b.start();
    a.join();
    b.join();
    Outcomes.record("owner " + owner.get());
  }

  static void hashMapRace() throws InterruptedException {
    Map<String, Integer> map = new HashMap<>();
    Thread a = new Thread(() -> map.put("a", 1));
    a.start();
    map.put("b", 2);
    a.join();
    Outcomes.record("size " + map.size());
  }

  /** Two races; which is reported depends on the order of the accesses' first halves. */
  static void twoHashMapRaces() throws InterruptedException {
    Map<String, Integer> first = new HashMap<>();
    Map<String, Integer> second = new HashMap<>();
    Thread a = new Thread(() -> first.put("a", 1));
    Thread b = new Thread(() -> second.put("b", 1));
    a.start();
    b.start();
    second.put("0", 0);
    first.put("0", 0);
    a.join();
    b.join();
  }

  static void concurrentMap() throws InterruptedException {
    ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
    Thread a = new Thread(() -> map.putIfAbsent("k", "a"));
    a.start();
    map.putIfAbsent("k", "0");
    a.join();
    Outcomes.record("k=" + map.get("k"));
  }

  static void isAlive() throws InterruptedException {
    Thread a = new Thread(() -> x = 1);
    a.start();
    boolean alive = a.isAlive();
    a.join();
    Outcomes.record("alive " + alive);
  }

  static void parkAndUnpark() throws InterruptedException {
    boolean[] done = new boolean[1];
    Thread a = new Thread(() -> {
      LockSupport.park();
      done[0] = true;
    });
    a.start();
    LockSupport.unpark(a);
    a.join();
    Outcomes.record("done " + done[0]);
  }

  static void latch() throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    x = 0;
    Thread a = new Thread(() -> {
      x = 1;
      latch.countDown();
    });
    a.start();
    boolean early = latch.getCount() == 0;
    latch.await();
    a.join();
    Outcomes.record("early " + early + " x=" + x);
  }

  static void semaphore() throws InterruptedException {
    Semaphore permits = new Semaphore(1);
    boolean[] got = new boolean[2];
    Thread a = new Thread(() -> got[0] = permits.tryAcquire());
    Thread b = new Thread(() -> got[1] = permits.tryAcquire());
    a.start();
    b.start();
    a.join();
    b.join();
    Outcomes.record(got[0] + "," + got[1]);
  }

  static void executor() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      x = 0;
      Future<?> task = pool.submit(() -> x = 1);
      x = 2;
      task.get();
      Outcomes.record("x=" + x);
    } finally {
      pool.shutdown();
    }
  }

  static void futureIsDone() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> task = pool.submit(() -> x = 1);
      boolean done = task.isDone();
      task.get();
      Outcomes.record("done " + done);
    } finally {
      pool.shutdown();
    }
  }

  static void completableFuture() {
    x = 0;
    CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> x = 1);
    boolean done = f.isDone();
    int value = f.join();
    Outcomes.record("done " + done + " value " + value);
  }

  /**
   * Checks its interrupt status, then sleeps: an interrupt before the check is seen there, one
   * between the check and the sleep makes the sleep throw, and one after the sleep is left set.
   */
  static void interruptBeforeSleep() throws InterruptedException {
    String[] seen = {""};
    Thread a = new Thread(() -> {
      if (Thread.currentThread().isInterrupted()) {
        seen[0] = "checked";
        return;
      }
      try {
        Thread.sleep(5);
        seen[0] = "slept, then " + Thread.interrupted();
      } catch (InterruptedException e) {
        seen[0] = "sleep interrupted";
      }
    });
    a.start();
    a.interrupt();
    a.join();
    Outcomes.record(seen[0]);
  }

  /**
   * An interrupt and a notify race for a waiter: interrupted before its wait it throws holding the
   * monitor; in the wait set it lets the notifier in before it throws; notified first it keeps the
   * interrupt for later.
   */
  static void interruptAWaiter() throws InterruptedException {
    Object lock = new Object();
    boolean[] ready = {false};
    StringBuilder order = new StringBuilder();
    Thread a = new Thread(() -> {
      synchronized (lock) {
        try {
          if (!ready[0]) lock.wait();
          order.append("woke ").append(Thread.interrupted()).append(';');
        } catch (InterruptedException e) {
          order.append("interrupted;");
        }
      }
    });
    a.start();
    a.interrupt();
    synchronized (lock) {
      ready[0] = true;
      order.append("notify;");
      lock.notify();
    }
    a.join();
    Outcomes.record(order.toString());
  }

  /** Parks until interrupted: an interrupt that lands between the check and the park is kept. */
  static void interruptAndPark() throws InterruptedException {
    int[] parks = {0};
    Thread a = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        parks[0]++;
        LockSupport.park();
      }
    });
    a.start();
    a.interrupt();
    a.join();
    Outcomes.record("parks " + parks[0]);
  }

  /**
   * Joins for 5 ms a thread that sleeps 10 ms first: the join times out when it began before the
   * sleep, and returns after the thread ended when it began after it.
   */
  static void timedJoin() throws InterruptedException {
    x = 0;
    Thread a = new Thread(() -> {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
      x = 1;
    });
    a.start();
    a.join(5);
    boolean alive = a.isAlive();
    int seen = x;
    a.join();
    Outcomes.record((alive ? "timed out" : "returned") + " x=" + seen);
  }

  /**
   * Waits 5 ms for a notify that comes after a 10 ms sleep: the wait times out when it began
   * before the sleep.
   */
  static void timedWait() throws InterruptedException {
    Object lock = new Object();
    boolean[] ready = {false};
    String[] seen = {""};
    Thread a = new Thread(() -> {
      synchronized (lock) {
        try {
          if (!ready[0]) lock.wait(5);
        } catch (InterruptedException e) {
          return;
        }
        seen[0] = "ready " + ready[0];
      }
    });
    a.start();
    Thread.sleep(10);
    synchronized (lock) {
      ready[0] = true;
      lock.notify();
    }
    a.join();
    Outcomes.record(seen[0]);
  }

  /** For tests that want every program's name. */
  public static List<String> names() {
    return List.copyOf(all().keySet());
  }
}
