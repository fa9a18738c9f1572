package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.BenignRace;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Data races on plain fields and array elements: each reported as DATA_RACE naming both lines. */
class FieldRacesTest {

  static final class Counter {
    int n;
  }

  static final class Flag {
    boolean stop;
  }

  static final class Box {
    Object value;
    @BenignRace int cachedHash;
  }

  static final class Lazy {
    static Object instance;

    static Object get() {
      if (instance == null) { /*lazyCheck*/
        instance = new Object(); /*lazySet*/
      }
      return instance;
    }
  }

  static int hits;

  @Test
  void aPlainCounterIncrementedByTwoThreads() {
    Result result = assertRaceReported(getClass(), "incA", "incB", () -> {
      Counter c = new Counter();
      Thread a = start("t1", () -> c.n++); /*incA*/
      Thread b = start("t2", () -> c.n++); /*incB*/
      a.join();
      b.join();
    });
    assertThat(result.report())
        .startsWith("DATA RACE on field Counter.n (int) of Counter@")
        .contains("Lost update")
        .contains("AtomicInteger");
  }

  @Test
  void aStaticCounterBumpedByTwoThreads() {
    Result result = assertRaceReported(getClass(), "hitA", "hitB", () -> {
      hits = 0;
      Thread a = start("t1", () -> hits++); /*hitA*/
      Thread b = start("t2", () -> hits++); /*hitB*/
      a.join();
      b.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on static field FieldRacesTest.hits (int)");
  }

  @Test
  void aPlainStopFlagWithASpinningWorker() {
    Result result = assertRaceReported(getClass(), "spin", "stop", () -> {
      Flag f = new Flag();
      Thread worker = start("worker", () -> {
        while (!f.stop) { /*spin*/
          Thread.onSpinWait();
        }
      });
      f.stop = true; /*stop*/
      worker.join();
    });
    assertThat(result.report()).contains("volatile");
  }

  @Test
  void aSharedArrayElement() {
    Result result = assertRaceReported(getClass(), "elemA", "elemB", () -> {
      int[] slots = new int[4];
      Thread a = start("t1", () -> slots[1] = 7); /*elemA*/
      Thread b = start("t2", () -> slots[1] = 8); /*elemB*/
      a.join();
      b.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on element [1] of int[4]");
  }

  @Test
  void aLazySingletonWithATrivialConstructor() {
    assertRaceReported(getClass(), "lazyCheck", "lazySet", () -> {
      Lazy.instance = null;
      Thread a = start("t1", Lazy::get);
      Thread b = start("t2", Lazy::get);
      a.join();
      b.join();
    });
  }

  @Test
  void theRaceIsReportedFirstThenTheAssertionItBroke() {
    Result result = Weft.explore(RaceProbe.options(100), () -> {
      Counter c = new Counter();
      Thread a = start("t1", () -> c.n = 1);
      Thread b = start("t2", () -> c.n = 2);
      a.join();
      b.join();
      if (c.n != 3) throw new AssertionError("expected 3 but was " + c.n);
    });
    String report = result.report();
    assertThat(report).startsWith("DATA RACE on field Counter.n");
    assertThat(report).contains("What broke afterwards");
    assertThat(report.indexOf("What broke afterwards"))
        .isLessThan(report.indexOf("expected 3 but was"));
  }

  @Test
  void aFieldAnnotatedBenignRaceIsNotReported() {
    assertNoRace(100, () -> {
      Box box = new Box();
      Thread a = start("t1", () -> box.cachedHash = 17);
      Thread b = start("t2", () -> box.cachedHash = 17);
      a.join();
      b.join();
    });
  }

  @Test
  void aRaceSilencedByPatternIsNotReported() {
    Result result = Weft.explore(RaceProbe.options(100)
        .benignRaces("dev.weft.races.FieldRacesTest$Counter.n"), () -> {
      Counter c = new Counter();
      Thread a = start("t1", () -> c.n = 1);
      Thread b = start("t2", () -> c.n = 2);
      a.join();
      b.join();
    });
    assertThat(result.failed()).as(result.report()).isFalse();
  }

  @Test
  void fieldRaceDetectionOffReportsNothing() {
    Result result = Weft.explore(RaceProbe.options(100).fieldRaceDetection(false), () -> {
      Counter c = new Counter();
      Thread a = start("t1", () -> c.n++);
      Thread b = start("t2", () -> c.n++);
      a.join();
      b.join();
    });
    assertThat(result.failed()).as(result.report()).isFalse();
  }

  // ---- correct programs: never reported ----------------------------------------------------------

  static final class Settings {
    final int port;

    Settings(int port) {
      this.port = port;
    }
  }

  static final class Table {
    static final int[] SQUARES = new int[8];

    static {
      for (int i = 0; i < SQUARES.length; i++) SQUARES[i] = i * i;
    }
  }

  static volatile boolean published;

  @Test
  void aSynchronizedCounter() {
    assertNoRace(() -> {
      Counter c = new Counter();
      Runnable inc = () -> {
        synchronized (c) {
          c.n++;
        }
      };
      Thread a = start("t1", inc);
      Thread b = start("t2", inc);
      a.join();
      b.join();
      if (c.n != 2) throw new AssertionError(c.n);
    });
  }

  @Test
  void aReentrantLockCounter() {
    assertNoRace(() -> {
      Counter c = new Counter();
      java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
      Runnable inc = () -> {
        lock.lock();
        try {
          c.n++;
        } finally {
          lock.unlock();
        }
      };
      Thread a = start("t1", inc);
      Thread b = start("t2", inc);
      a.join();
      b.join();
    });
  }

  @Test
  void fieldsWrittenBeforeStartAndReadAfterJoin() {
    assertNoRace(() -> {
      Counter c = new Counter();
      c.n = 5;
      Thread t = start("child", () -> c.n = c.n + 1);
      t.join();
      if (c.n != 6) throw new AssertionError(c.n);
    });
  }

  @Test
  void plainDataPublishedByAVolatileFlag() {
    assertNoRace(() -> {
      published = false;
      Counter c = new Counter();
      Thread writer = start("writer", () -> {
        c.n = 42;
        published = true;
      });
      Thread reader = start("reader", () -> {
        if (published && c.n != 42) throw new AssertionError(c.n);
      });
      writer.join();
      reader.join();
    });
  }

  @Test
  void finalFieldsThroughAnAtomicReference() {
    assertNoRace(() -> {
      java.util.concurrent.atomic.AtomicReference<Settings> ref =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread writer = start("writer", () -> ref.set(new Settings(8080)));
      Thread reader = start("reader", () -> {
        Settings s = ref.get();
        if (s != null && s.port != 8080) throw new AssertionError(s.port);
      });
      writer.join();
      reader.join();
    });
  }

  @Test
  void anAtomicCounterAndThreadConfinedObjects() {
    assertNoRace(() -> {
      AtomicInteger total = new AtomicInteger();
      Runnable work = () -> {
        Counter mine = new Counter();
        for (int i = 0; i < 50; i++) mine.n++;
        total.addAndGet(mine.n);
      };
      Thread a = start("t1", work);
      Thread b = start("t2", work);
      a.join();
      b.join();
    });
  }

  @Test
  void executorAndFutureHandOff() {
    assertNoRace(() -> {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
          .newFixedThreadPool(2);
      Counter c = new Counter();
      c.n = 1;
      java.util.concurrent.Future<Integer> f = pool.submit(() -> {
        c.n = c.n + 1;
        return c.n;
      });
      f.get();
      if (c.n != 2) throw new AssertionError(c.n);
      pool.shutdown();
    });
  }

  @Test
  void countDownLatchHandOff() {
    assertNoRace(() -> {
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      Counter c = new Counter();
      Thread t = start("child", () -> {
        c.n = 3;
        done.countDown();
      });
      done.await();
      if (c.n != 3) throw new AssertionError(c.n);
      t.join();
    });
  }

  @Test
  void waitNotifyGuardedField() {
    assertNoRace(() -> {
      Flag f = new Flag();
      Thread t = start("child", () -> {
        synchronized (f) {
          f.stop = true;
          f.notifyAll();
        }
      });
      synchronized (f) {
        while (!f.stop) f.wait();
      }
      t.join();
    });
  }

  @Test
  void staticTablesBuiltInAClassInitializer() {
    assertNoRace(() -> {
      Runnable read = () -> {
        if (Table.SQUARES[3] != 9) throw new AssertionError();
      };
      Thread a = start("t1", read);
      Thread b = start("t2", read);
      a.join();
      b.join();
    });
  }

  @Test
  void disjointArrayElements() {
    assertNoRace(() -> {
      int[] slots = new int[2];
      Thread a = start("t1", () -> slots[0]++);
      Thread b = start("t2", () -> slots[1]++);
      a.join();
      b.join();
      if (slots[0] + slots[1] != 2) throw new AssertionError();
    });
  }

  @Test
  void doubleCheckedLockingWithAVolatile() {
    assertNoRace(() -> {
      DoubleChecked holder = new DoubleChecked();
      Thread a = start("t1", holder::get);
      Thread b = start("t2", holder::get);
      a.join();
      b.join();
    });
  }

  static final class DoubleChecked {
    private volatile Counter instance;

    Counter get() {
      Counter c = instance;
      if (c == null) {
        synchronized (this) {
          c = instance;
          if (c == null) {
            c = new Counter();
            c.n = 1;
            instance = c;
          }
        }
      }
      if (c.n != 1) throw new AssertionError();
      return c;
    }
  }
}
