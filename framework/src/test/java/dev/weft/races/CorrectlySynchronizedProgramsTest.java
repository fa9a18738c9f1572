package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.start;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;

/** One correct program per happens-before source: none may ever be reported as a race. */
class CorrectlySynchronizedProgramsTest {
  static volatile boolean ready;

  @Test
  void threadStartAndJoin() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      map.put("before", 0);
      Thread t = start("child", () -> map.put("child", map.get("before") + 1));
      t.join();
      map.get("child");
    });
  }

  @Test
  void oneMonitorOnBothSides() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = start("t1", () -> {
        synchronized (map) {
          map.merge("k", 1, Integer::sum);
        }
      });
      Thread b = start("t2", () -> {
        synchronized (map) {
          map.merge("k", 1, Integer::sum);
        }
      });
      a.join();
      b.join();
    });
  }

  @Test
  void synchronizedMapIteratedUnderItsLock() {
    assertNoRace(() -> {
      Map<String, Integer> map = Collections.synchronizedMap(new HashMap<>(Map.of("a", 1)));
      Thread reader = start("reader", () -> {
        synchronized (map) {
          for (String k : map.keySet()) k.length();
        }
      });
      Thread writer = start("writer", () -> map.put("b", 2));
      reader.join();
      writer.join();
    });
  }

  @Test
  void aVolatileFlagWrittenAfterThePublishedWrite() {
    assertNoRace(() -> {
      ready = false;
      Map<String, Integer> config = new HashMap<>();
      Thread writer = start("writer", () -> {
        config.put("timeout", 30);
        ready = true;
      });
      Thread reader = start("reader", () -> {
        while (!ready) Thread.onSpinWait();
        config.get("timeout");
      });
      writer.join();
      reader.join();
    });
  }

  @Test
  void atomicsAndAnAtomicReferenceSnapshot() {
    assertNoRace(() -> {
      AtomicReference<Map<String, Integer>> snapshot = new AtomicReference<>(Map.of());
      AtomicBoolean done = new AtomicBoolean();
      Thread writer = start("writer", () -> {
        Map<String, Integer> next = new HashMap<>(snapshot.get());
        next.put("a", 1);
        snapshot.set(Collections.unmodifiableMap(next));
        done.set(true);
      });
      Thread reader = start("reader", () -> {
        if (done.get()) snapshot.get().get("a");
      });
      writer.join();
      reader.join();
    });
  }

  @Test
  void reentrantLockAndReadWriteLockAndStampedLock() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      ReentrantLock lock = new ReentrantLock();
      ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
      StampedLock stamped = new StampedLock();
      List<Integer> list = new ArrayList<>();
      List<Integer> stampedGuarded = new ArrayList<>();
      Runnable work = () -> {
        lock.lock();
        try {
          list.add(0);
        } finally {
          lock.unlock();
        }
        rw.writeLock().lock();
        try {
          map.merge("k", 1, Integer::sum);
        } finally {
          rw.writeLock().unlock();
        }
        rw.readLock().lock();
        try {
          map.get("k");
        } finally {
          rw.readLock().unlock();
        }
        long stamp = stamped.writeLock();
        try {
          stampedGuarded.add(1);
        } finally {
          stamped.unlockWrite(stamp);
        }
      };
      Thread a = start("t1", work);
      Thread b = start("t2", work);
      a.join();
      b.join();
    });
  }

  /** A lock class of the application's own: its lock() call sites are rewritten too. */
  static final class Guard extends ReentrantLock {
    @Override
    public void lock() {
      super.lock();
    }
  }

  @Test
  void anApplicationSubclassOfReentrantLock() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      Guard guard = new Guard();
      Runnable work = () -> {
        guard.lock();
        try {
          map.merge("k", 1, Integer::sum);
        } finally {
          guard.unlock();
        }
      };
      Thread a = start("t1", work);
      Thread b = start("t2", work);
      a.join();
      b.join();
    });
  }

  @Test
  void tryLockStampedViewsConversionAndDowngrade() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      List<Integer> list = new ArrayList<>();
      List<Integer> converted = new ArrayList<>();
      Map<String, Integer> counts = new HashMap<>();
      ReentrantLock lock = new ReentrantLock();
      ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
      StampedLock stamped = new StampedLock();
      Callable<Void> work = () -> {
        if (lock.tryLock(1, TimeUnit.MINUTES)) {
          try {
            counts.merge("k", 1, Integer::sum);
          } finally {
            lock.unlock();
          }
        }
        rw.writeLock().lock();
        try {
          map.merge("k", 1, Integer::sum);
          rw.readLock().lock();
        } finally {
          rw.writeLock().unlock();
        }
        try {
          map.get("k");
        } finally {
          rw.readLock().unlock();
        }
        stamped.asWriteLock().lock();
        try {
          list.add(1);
        } finally {
          stamped.asWriteLock().unlock();
        }
        long stamp = stamped.readLock();
        try {
          list.size();
          long write = stamped.tryConvertToWriteLock(stamp);
          if (write != 0L) {
            stamp = write;
            converted.add(1);
          }
        } finally {
          stamped.unlock(stamp);
        }
        return null;
      };
      Thread a = start("t1", () -> call(work));
      Thread b = start("t2", () -> call(work));
      a.join();
      b.join();
    });
  }

  @Test
  void semaphoreLatchBarrierAndPhaser() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      Semaphore mutex = new Semaphore(1);
      CountDownLatch filled = new CountDownLatch(2);
      CyclicBarrier barrier = new CyclicBarrier(2);
      Phaser phaser = new Phaser(2);
      Callable<Void> work = () -> {
        mutex.acquire();
        try {
          map.merge("k", 1, Integer::sum);
        } finally {
          mutex.release();
        }
        filled.countDown();
        barrier.await();
        map.get("k");
        phaser.arriveAndAwaitAdvance();
        return null;
      };
      Thread a = start("t1", () -> call(work));
      Thread b = start("t2", () -> call(work));
      filled.await();
      map.get("k");
      a.join();
      b.join();
    });
  }

  @Test
  void aBlockingQueueAndAConcurrentHashMapHandOff() {
    assertNoRace(() -> {
      BlockingQueue<Map<String, Integer>> queue = new ArrayBlockingQueue<>(1);
      Map<String, Map<String, Integer>> registry = new ConcurrentHashMap<>();
      Thread producer = start("producer", () -> {
        Map<String, Integer> m = new HashMap<>();
        m.put("a", 1);
        Map<String, Integer> n = new HashMap<>();
        n.put("b", 2);
        registry.put("n", n);
        call(() -> {
          queue.put(m);
          return null;
        });
      });
      Thread consumer = start("consumer", () -> {
        Map<String, Integer> m = call(queue::take);
        m.get("a");
        Map<String, Integer> n = registry.get("n");
        if (n != null) n.get("b");
      });
      producer.join();
      consumer.join();
    });
  }

  @Test
  void executorSubmitGetInvokeAllAndAwaitTermination() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      map.put("seed", 1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      pool.submit(() -> map.put("one", map.get("seed"))).get();
      map.get("one");
      pool.invokeAll(List.of(() -> map.get("one")));
      pool.execute(() -> map.put("two", 2));
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
      map.get("two");
    });
  }

  @Test
  void completableFutureCompletionBeforeDependentsAndJoin() {
    assertNoRace(() -> {
      Map<String, Integer> map = new HashMap<>();
      CompletableFuture<Map<String, Integer>> f = CompletableFuture.supplyAsync(() -> {
        map.put("a", 1);
        return map;
      }).thenApply(m -> {
        m.put("b", 2);
        return m;
      });
      f.join().get("b");
      map.get("a");
    });
  }

  private static <T> T call(Callable<T> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
