package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Uncontrolled;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads (JDK 24+) are scheduled like platform threads: their starts, ends, joins,
 * parks, locks and monitors are steps of the schedule, their races are found, and a failure's
 * token replays it. Before JDK 21 there are none, and on JDK 21 to 23 Weft refuses them
 * ({@code VirtualThreadsRefusedTest}): these tests are skipped there.
 */
class VirtualThreadsTest {

  static final class Counter {
    int n;
  }

  static final class LockedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private int n;

    void increment() {
      lock.lock();
      try {
        n++;
      } finally {
        lock.unlock();
      }
    }

    /** Bug: the read and the write are each locked, but not together. */
    void incrementInTwoSteps() {
      int read;
      lock.lock();
      try {
        read = n;
      } finally {
        lock.unlock();
      }
      lock.lock();
      try {
        n = read + 1;
      } finally {
        lock.unlock();
      }
    }

    int value() {
      lock.lock();
      try {
        return n;
      } finally {
        lock.unlock();
      }
    }
  }

  @BeforeEach
  void needsControlledVirtualThreads() {
    assumeTrue(VirtualThreadApi.controlled(), "Weft controls virtual threads on JDK 24+");
  }

  private static Options options(int iterations) {
    return Probe.options(iterations);
  }

  // ---- races -----------------------------------------------------------------------------------

  @Test
  void aPlainCounterIncrementedByTwoVirtualThreadsIsALostUpdate() throws Throwable {
    Weft.Body body = () -> {
      Counter c = new Counter();
      Thread a = VirtualThreadApi.start(() -> c.n++);
      Thread b = VirtualThreadApi.start(() -> c.n++);
      a.join();
      b.join();
    };
    Result result = Weft.explore(options(500), body);
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(Failure.Kind.DATA_RACE);
    assertThat(result.report()).startsWith("DATA RACE on field Counter.n (int)")
        .contains("Lost update").contains("T1 (virtual)").contains("T2 (virtual)");
    assertThat(failure.accesses()).hasSize(2);
    assertThat(failure.accesses()).allMatch(a -> a.threadName().endsWith(" (virtual)"));
    Result replayed = Weft.replay(options(500), failure.replayToken(), body);
    assertThat(replayed.failure().map(Failure::kind)).contains(Failure.Kind.DATA_RACE);
    // The same two accesses, by the same threads at the same lines (summaries name objects by
    // identity hash, which differs from run to run).
    assertThat(replayed.failure().orElseThrow().accesses()).hasToString(
        failure.accesses().toString());
  }

  /** With the race detector off, the interleaving that loses the update is still explored. */
  @Test
  void theLostUpdateItselfIsFoundWithoutTheRaceDetector() {
    Failure failure = Found.andReplayed(Failure.Kind.EXCEPTION,
        options(2000).fieldRaceDetection(false).raceDetection(false), () -> {
          Counter c = new Counter();
          Runnable increment = () -> {
            int read = c.n;
            Thread.yield();
            c.n = read + 1;
          };
          Thread a = VirtualThreadApi.start(increment);
          Thread b = VirtualThreadApi.start(increment);
          a.join();
          b.join();
          assertThat(c.n).isEqualTo(2);
        });
    assertThat(failure.cause().orElseThrow()).isInstanceOf(AssertionError.class);
  }

  @Test
  void aSynchronizedCounterPasses() {
    Probe.assertPasses(300, () -> {
      Object lock = new Object();
      Counter c = new Counter();
      Runnable increment = () -> {
        synchronized (lock) {
          c.n++;
        }
      };
      Thread a = VirtualThreadApi.start(increment);
      Thread b = VirtualThreadApi.start(increment);
      a.join();
      b.join();
      synchronized (lock) {
        assertThat(c.n).isEqualTo(2);
      }
    });
  }

  @Test
  void anAtomicCounterPasses() {
    Probe.assertPasses(300, () -> {
      AtomicInteger c = new AtomicInteger();
      Thread a = VirtualThreadApi.start(c::incrementAndGet);
      Thread b = VirtualThreadApi.start(c::incrementAndGet);
      a.join();
      b.join();
      assertThat(c.get()).isEqualTo(2);
    });
  }

  // ---- start, join, park -----------------------------------------------------------------------

  @Test
  void aJoinedVirtualThreadsWritesAreSeenAndItHasEnded() {
    Probe.assertPasses(200, () -> {
      Counter c = new Counter();
      Thread t = VirtualThreadApi.start("worker", () -> c.n = 42);
      t.join();
      assertThat(c.n).isEqualTo(42);
      assertThat(t.isAlive()).isFalse();
      assertThat(VirtualThreadApi.isVirtual(t)).isTrue();
      assertThat(t.getName()).isEqualTo("worker");
    });
  }

  @Test
  void aReadBeforeTheJoinIsARace() {
    Failure failure = Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      Thread t = VirtualThreadApi.start(() -> c.n = 1);
      int seen = c.n;
      t.join();
      assertThat(seen).isBetween(0, 1);
    });
    assertThat(failure.summary()).contains("Counter.n");
  }

  @Test
  void parkAndUnparkHandOverBetweenVirtualThreads() {
    Probe.assertPasses(300, () -> {
      AtomicBoolean ready = new AtomicBoolean();
      Counter c = new Counter();
      Thread waiter = VirtualThreadApi.start(() -> {
        while (!ready.get()) LockSupport.park();
        assertThat(c.n).isEqualTo(7);
      });
      Thread setter = VirtualThreadApi.start(() -> {
        c.n = 7;
        ready.set(true);
        LockSupport.unpark(waiter);
      });
      waiter.join();
      setter.join();
    });
  }

  @Test
  void aVirtualThreadParkedForeverIsADeadlockNotAHang() {
    Failure failure = Found.andReplayed(Failure.Kind.DEADLOCK, options(50), () -> {
      Thread t = VirtualThreadApi.start(LockSupport::park);
      t.join();
    });
    assertThat(failure.summary()).contains("T0 waits at").contains("to join T1")
        .contains("T1 parks at");
  }

  @Test
  void anInterruptWakesAVirtualThreadThatWaits() {
    Probe.assertPasses(200, () -> {
      AtomicBoolean woken = new AtomicBoolean();
      Object lock = new Object();
      Thread t = VirtualThreadApi.start(() -> {
        synchronized (lock) {
          try {
            while (true) lock.wait();
          } catch (InterruptedException expected) {
            woken.set(true);
          }
        }
      });
      t.interrupt();
      t.join();
      assertThat(woken.get()).isTrue();
    });
  }

  @Test
  void anExceptionInAVirtualThreadIsReportedAndReplays() {
    Failure failure = Found.andReplayed(Failure.Kind.EXCEPTION, options(500), () -> {
      AtomicInteger c = new AtomicInteger();
      Thread t = VirtualThreadApi.start(() -> {
        if (c.get() == 1) throw new IllegalStateException("saw the body's write");
      });
      c.set(1);
      t.join();
    });
    assertThat(failure.cause().orElseThrow()).isInstanceOf(IllegalStateException.class);
  }

  // ---- locks and monitors ----------------------------------------------------------------------

  @Test
  void aReentrantLockHandOffBetweenVirtualThreadsPasses() {
    Probe.assertPasses(300, () -> {
      LockedCounter c = new LockedCounter();
      Thread a = VirtualThreadApi.start(c::increment);
      Thread b = VirtualThreadApi.start(c::increment);
      a.join();
      b.join();
      assertThat(c.value()).isEqualTo(2);
    });
  }

  @Test
  void anIncrementLockedInTwoStepsLosesAnUpdate() {
    Failure failure = Found.andReplayed(Failure.Kind.EXCEPTION, options(2000), () -> {
      LockedCounter c = new LockedCounter();
      Thread a = VirtualThreadApi.start(c::incrementInTwoSteps);
      Thread b = VirtualThreadApi.start(c::incrementInTwoSteps);
      a.join();
      b.join();
      assertThat(c.value()).isEqualTo(2);
    });
    assertThat(failure.cause().orElseThrow()).isInstanceOf(AssertionError.class);
  }

  @Test
  void waitAndNotifyHandOverAValueBetweenVirtualThreads() {
    Probe.assertPasses(300, () -> {
      Object lock = new Object();
      int[] slot = {0};
      Thread consumer = VirtualThreadApi.start(() -> {
        synchronized (lock) {
          while (slot[0] == 0) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          assertThat(slot[0]).isEqualTo(5);
        }
      });
      Thread producer = VirtualThreadApi.start(() -> {
        synchronized (lock) {
          slot[0] = 5;
          lock.notifyAll();
        }
      });
      consumer.join();
      producer.join();
    });
  }

  @Test
  void aLockOrderDeadlockBetweenTwoVirtualThreadsIsReportedWithItsCycle() {
    Weft.Body body = () -> {
      Object a = new Object();
      Object b = new Object();
      Thread first = VirtualThreadApi.start(() -> {
        synchronized (a) {
          synchronized (b) {
            Thread.yield();
          }
        }
      });
      Thread second = VirtualThreadApi.start(() -> {
        synchronized (b) {
          synchronized (a) {
            Thread.yield();
          }
        }
      });
      first.join();
      second.join();
    };
    Failure failure = Found.andReplayed(Failure.Kind.DEADLOCK, options(2000), body);
    // The cycle: each virtual thread waits for the monitor the other holds.
    assertThat(failure.summary()).contains("T1 waits at").contains("for a monitor T2 holds")
        .contains("T2 waits at").contains("for a monitor T1 holds");
    assertThat(Weft.explore(options(2000), body).report()).contains("T1 (virtual)")
        .contains("T2 (virtual)");
  }

  // ---- the ways to make one --------------------------------------------------------------------

  @Test
  void threadStartVirtualThreadIsControlled() {
    Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      Thread a = VirtualThreadApi.startVirtualThread(() -> c.n++);
      Thread b = VirtualThreadApi.startVirtualThread(() -> c.n++);
      a.join();
      b.join();
    });
  }

  @Test
  void anUnstartedVirtualThreadIsControlledOnceStarted() {
    Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      Thread t = VirtualThreadApi.unstarted(() -> c.n++);
      assertThat(t.getState()).isEqualTo(Thread.State.NEW);
      t.start();
      c.n++;
      t.join();
    });
  }

  @Test
  void tasksOfAVirtualThreadPerTaskExecutorRace() {
    Failure failure = Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      ExecutorService pool = VirtualThreadApi.newVirtualThreadPerTaskExecutor();
      // close() waits for every task (ExecutorService is AutoCloseable from JDK 19).
      try (AutoCloseable closing = (AutoCloseable) pool) {
        pool.submit(() -> c.n++);
        pool.submit(() -> c.n++);
      }
    });
    assertThat(failure.summary()).contains("Counter.n");
  }

  @Test
  void aVirtualThreadPerTaskExecutorOrdersItsTasksBeforeTheirResults() {
    Probe.assertPasses(300, () -> {
      AtomicInteger c = new AtomicInteger();
      Counter plain = new Counter();
      List<Future<Integer>> results = new ArrayList<>();
      ExecutorService pool = VirtualThreadApi.newVirtualThreadPerTaskExecutor();
      // close() waits for every task (ExecutorService is AutoCloseable from JDK 19).
      try (AutoCloseable closing = (AutoCloseable) pool) {
        results.add(pool.submit(c::incrementAndGet));
        results.add(pool.submit(c::incrementAndGet));
        pool.submit(() -> plain.n = 3).get();
        // The future's get orders the task's write before this read.
        assertThat(plain.n).isEqualTo(3);
      }
      assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(3);
      assertThat(c.get()).isEqualTo(2);
    });
  }

  @Test
  void aThreadPoolOfVirtualThreadsRunsItsTasksUnderControl() {
    Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      ExecutorService pool = Executors.newFixedThreadPool(2, VirtualThreadApi.factory());
      Future<?> a = pool.submit(() -> c.n++);
      Future<?> b = pool.submit(() -> c.n++);
      a.get();
      b.get();
      pool.shutdown();
    });
  }

  @Test
  void aVirtualThreadStartsAndJoinsAnother() {
    Failure failure = Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      Thread parent = VirtualThreadApi.start(() -> {
        try {
          Thread child = VirtualThreadApi.start(() -> c.n++);
          c.n++;
          child.join();
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      });
      parent.join();
    });
    assertThat(failure.accesses()).extracting(a -> a.threadName())
        .containsExactlyInAnyOrder("T1 (virtual)", "T2 (virtual)");
  }

  @Test
  void aCompletableFutureFromAVirtualThreadIsJoinedUnderControl() {
    Probe.assertPasses(100, () -> {
      AtomicInteger c = new AtomicInteger();
      Thread t = VirtualThreadApi.start(() ->
          assertThat(CompletableFuture.supplyAsync(c::incrementAndGet).join()).isEqualTo(1));
      t.join();
      assertThat(c.get()).isEqualTo(1);
    });
  }

  // ---- mixed with platform threads -------------------------------------------------------------

  @Test
  void aPlatformThreadAndAVirtualThreadRace() {
    Failure failure = Found.andReplayed(Failure.Kind.DATA_RACE, options(500), () -> {
      Counter c = new Counter();
      Thread platform = new Thread(() -> c.n++, "platform");
      Thread virtual = VirtualThreadApi.start(() -> c.n++);
      platform.start();
      platform.join();
      virtual.join();
    });
    assertThat(failure.accesses()).extracting(a -> a.threadName().replaceAll("T[0-9]+ ", ""))
        .containsExactlyInAnyOrder("(platform)", "(virtual)");
  }

  @Test
  void platformAndVirtualThreadsShareALockAndJoinEachOther() {
    Probe.assertPasses(300, () -> {
      LockedCounter c = new LockedCounter();
      Thread virtual = VirtualThreadApi.start(c::increment);
      Thread platform = new Thread(() -> {
        c.increment();
        try {
          virtual.join();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        assertThat(c.value()).isEqualTo(2);
      });
      platform.start();
      Thread nested = VirtualThreadApi.start(() -> {
        try {
          platform.join();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      nested.join();
      assertThat(c.value()).isEqualTo(2);
    });
  }

  // ---- the end of an execution -----------------------------------------------------------------

  /** Virtual threads are daemon threads: the JVM, and an execution, ends without them. */
  @Test
  void anUnjoinedVirtualThreadDoesNotKeepTheExecutionAlive() {
    Result result = Weft.explore(options(200), () -> {
      Object lock = new Object();
      VirtualThreadApi.start(() -> {
        synchronized (lock) {
          while (true) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      });
      VirtualThreadApi.start(LockSupport::park);
    });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(200);
  }

  @Test
  void aVirtualThreadWaitingForRealIsALossOfControlNotAHang() {
    Result result = Weft.explore(options(5).stallTimeout(Duration.ofSeconds(1)), () -> {
      AtomicBoolean stop = new AtomicBoolean();
      Thread poller = VirtualThreadApi.start("poller", () -> {
        while (!stop.get()) {
          try {
            Uncontrolled.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      poller.join();
    });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(Failure.Kind.LOST_CONTROL);
    assertThat(failure.summary()).contains("T1 (poller)").contains("waiting in real time");
    assertThat(result.report()).contains("Uncontrolled.sleep");
  }
}
