package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The body returns without joining its threads: like the JVM after {@code main}, the execution
 * waits for every non-daemon thread, and not for daemon threads.
 */
class UnjoinedThreadsTest {

  @Test
  void aDeadlockBetweenThreadsTheBodyNeverJoinedIsFound() {
    Object a = new Object();
    Object b = new Object();
    Failure failure = Probe.assertFinds(Failure.Kind.DEADLOCK, () -> {
      new Thread(() -> {
        synchronized (a) {
          synchronized (b) {
            Thread.yield();
          }
        }
      }, "left").start();
      new Thread(() -> {
        synchronized (b) {
          synchronized (a) {
            Thread.yield();
          }
        }
      }, "right").start();
    });
    assertThat(failure.summary()).contains("T1").contains("T2");
  }

  @Test
  void theReportSaysThatTheBodyReturnedAndWhoNeverEnds() {
    CountDownLatch never = new CountDownLatch(1);
    Result result = Weft.explore(Probe.options(5), () -> new Thread(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, "waiter").start());
    assertThat(result.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.DEADLOCK);
    assertThat(result.report())
        .contains("The body returned, but T1 never ends: it is not a daemon thread")
        .contains("T1 (waiter) waits at");
  }

  @Test
  void anExceptionInAThreadThatRunsOnAfterTheBodyReturnedIsFound() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      // Atomic, so that the bug is the check that fails, not also a data race on a plain slot.
      AtomicInteger box = new AtomicInteger();
      new Thread(() -> {
        box.set(1);
        Thread.yield();
        if (box.get() != 1) throw new IllegalStateException("overwritten");
      }, "first").start();
      new Thread(() -> box.set(2), "second").start();
    });
  }

  @Test
  void unjoinedThreadsThatEndPass() {
    Probe.assertPasses(200, () -> {
      Object lock = new Object();
      for (int i = 0; i < 2; i++) {
        new Thread(() -> {
          synchronized (lock) {
            Thread.yield();
          }
        }).start();
      }
    });
  }

  @Test
  void aNonDaemonThreadSleepingAfterTheBodyReturnedIsWaitedFor() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, Probe.options(50), () -> new Thread(() -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        return;
      }
      throw new IllegalStateException("woke up after the body returned");
    }, "sleeper").start());
  }

  @Test
  void daemonThreadsThatBlockOrRunForeverDoNotHoldTheExecution() {
    Probe.assertPasses(100, () -> {
      CountDownLatch never = new CountDownLatch(1);
      Thread blocked = new Thread(() -> {
        try {
          never.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      blocked.setDaemon(true);
      blocked.start();
      Thread heartbeat = new Thread(() -> {
        while (true) {
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      heartbeat.setDaemon(true);
      heartbeat.start();
    });
  }

  @Test
  void aThreadMadeByADaemonThreadIsADaemonThreadToo() {
    Probe.assertPasses(100, () -> {
      Thread parent = new Thread(() -> new Thread(() -> {
        synchronized (UnjoinedThreadsTest.class) {
          try {
            UnjoinedThreadsTest.class.wait();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      }).start());
      parent.setDaemon(true);
      parent.start();
      parent.join();
    });
  }

  @Test
  void anExecutorThatIsNeverShutDownDoesNotHoldTheExecution() {
    Probe.assertPasses(100, () -> {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      pool.execute(() -> Thread.yield());
      pool.execute(() -> Thread.yield());
    });
  }

  @Test
  void aTaskOfAnExecutorThatIsNeverShutDownStillRunsToItsEnd() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, Probe.options(200), () -> {
      ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "worker"));
      pool.execute(() -> {
        Thread.yield();
        throw new IllegalStateException("the task ran");
      });
    });
  }

  /**
   * Common-pool workers are daemon threads, but the pool outlives the execution: when the body
   * returns while a worker still runs (it has just completed the joined task and looks for more
   * work), the execution goes on until the worker waits again, instead of unwinding it in the
   * middle of the pool's own bookkeeping, which kills it and leaves the pool unable to run later
   * tasks.
   */
  @Test
  void theBodyReturningWhileACommonPoolWorkerRunsLeavesEveryWorkerAlive() throws Exception {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    Probe.assertPasses(100, () -> ForkJoinPool.commonPool().submit(() -> {
      if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
        workers.add(Thread.currentThread());
      }
    }).join());
    assertThat(workers).as("common-pool workers that ran a task").isNotEmpty();
    assertThat(workers).allMatch(Thread::isAlive, "alive");
    assertThat(ForkJoinPool.commonPool().submit(() -> 42).get(10, TimeUnit.SECONDS))
        .isEqualTo(42);
  }
}
