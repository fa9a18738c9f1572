package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import org.junit.jupiter.api.Test;

class WaitNotifyTest {

  static final class Mailbox {
    private final Object lock = new Object();
    /** Volatile, so that the bug below is the lost wake-up alone, not also a data race. */
    private volatile boolean ready;
    private String message;

    void put(String m) {
      synchronized (lock) {
        message = m;
        ready = true;
        lock.notifyAll();
      }
    }

    /** Bug: checks the condition outside the lock: the notify can come before the wait. */
    String takeWithLostWakeUp() throws InterruptedException {
      if (!ready) {
        Thread.yield();
        synchronized (lock) {
          lock.wait();
        }
      }
      synchronized (lock) {
        return message;
      }
    }

    String take() throws InterruptedException {
      synchronized (lock) {
        while (!ready) {
          lock.wait();
        }
        return message;
      }
    }
  }

  @Test
  void findsALostWakeUp() {
    Failure failure = Probe.assertFinds(Failure.Kind.DEADLOCK, () -> {
      Mailbox box = new Mailbox();
      Thread producer = new Thread(() -> box.put("hello"));
      producer.start();
      box.takeWithLostWakeUp();
      producer.join();
    });
    assertThat(failure.summary()).contains("T0");
  }

  @Test
  void aGuardedWaitNeverMissesItsNotify() {
    Probe.assertPasses(300, () -> {
      Mailbox box = new Mailbox();
      Thread producer = new Thread(() -> box.put("hello"));
      producer.start();
      assertThat(box.take()).isEqualTo("hello");
      producer.join();
    });
  }

  @Test
  void timedWaitTimesOutOnVirtualTimeWithoutSleeping() {
    long start = System.nanoTime();
    Probe.assertPasses(50, () -> {
      Object lock = new Object();
      synchronized (lock) {
        lock.wait(60_000);
      }
    });
    assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
  }

  @Test
  void interruptWakesAWaitingThread() {
    Probe.assertPasses(200, () -> {
      Object lock = new Object();
      boolean[] interrupted = new boolean[1];
      Thread waiter = new Thread(() -> {
        synchronized (lock) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            interrupted[0] = true;
          }
        }
      });
      waiter.start();
      waiter.interrupt();
      waiter.join();
      assertThat(interrupted[0]).isTrue();
    });
  }
}
