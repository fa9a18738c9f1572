package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import org.junit.jupiter.api.Test;

class MonitorTest {

  static final class Counter {
    private final Object lock = new Object();
    private int value;

    /** Bug: the read and the write are each locked, but not together. */
    void incrementInTwoSteps() {
      int read;
      synchronized (lock) {
        read = value;
      }
      synchronized (lock) {
        value = read + 1;
      }
    }

    void increment() {
      synchronized (lock) {
        value++;
      }
    }

    synchronized void incrementSynchronizedMethod() {
      int read = value;
      Thread.yield();
      value = read + 1;
    }

    int value() {
      synchronized (lock) {
        return value;
      }
    }

    synchronized int valueSynchronized() {
      return value;
    }
  }

  @Test
  void findsAnAtomicityViolationBetweenTwoSynchronizedBlocks() {
    Failure failure = Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      Counter c = new Counter();
      Thread t = new Thread(c::incrementInTwoSteps);
      t.start();
      c.incrementInTwoSteps();
      t.join();
      assertThat(c.value()).isEqualTo(2);
    });
    assertThat(failure.cause().orElseThrow()).isInstanceOf(AssertionError.class);
    assertThat(failure.summary()).contains("MonitorTest.java:");
  }

  @Test
  void aCorrectlySynchronizedCounterPasses() {
    Probe.assertPasses(300, () -> {
      Counter c = new Counter();
      Thread t = new Thread(c::increment);
      t.start();
      c.increment();
      t.join();
      assertThat(c.value()).isEqualTo(2);
    });
  }

  @Test
  void synchronizedMethodsExcludeEachOtherAcrossAYield() {
    Probe.assertPasses(300, () -> {
      Counter c = new Counter();
      Thread t = new Thread(c::incrementSynchronizedMethod);
      t.start();
      c.incrementSynchronizedMethod();
      t.join();
      assertThat(c.valueSynchronized()).isEqualTo(2);
    });
  }

  @Test
  void findsALockOrderDeadlockBetweenMonitors() {
    Failure failure = Probe.assertFinds(Failure.Kind.DEADLOCK, () -> {
      Object a = new Object();
      Object b = new Object();
      Thread t = new Thread(() -> {
        synchronized (b) {
          synchronized (a) {
            Thread.yield();
          }
        }
      });
      t.start();
      synchronized (a) {
        synchronized (b) {
          Thread.yield();
        }
      }
      t.join();
    });
    assertThat(failure.summary()).contains("T0").contains("T1");
  }

  @Test
  void monitorsTakenInOneOrderNeverDeadlock() {
    Probe.assertPasses(300, () -> {
      Object a = new Object();
      Object b = new Object();
      Thread t = new Thread(() -> {
        synchronized (a) {
          synchronized (b) {
            Thread.yield();
          }
        }
      });
      t.start();
      synchronized (a) {
        synchronized (b) {
          Thread.yield();
        }
      }
      t.join();
    });
  }
}
