package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A ConcurrentHashMap function runs under the map's bin lock, a real monitor Weft does not model:
 * a scheduling point inside it must not give the turn to a thread that then blocks on that lock.
 */
class CallbacksUnderJdkLocksTest {

  private static void inTwoThreads(Runnable task) throws InterruptedException {
    Thread a = new Thread(task);
    Thread b = new Thread(task);
    a.start();
    b.start();
    a.join();
    b.join();
  }

  @Test
  void computeIfAbsentWhoseFunctionTouchesAnAtomicPasses() {
    Probe.assertPasses(200, () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      AtomicInteger opened = new AtomicInteger();
      inTwoThreads(() -> m.computeIfAbsent("db", k -> opened.incrementAndGet()));
      assertThat(opened.get()).isEqualTo(1);
      assertThat(m.get("db")).isEqualTo(1);
    });
  }

  @Test
  void computeWhoseFunctionTouchesAnAtomicPasses() {
    Probe.assertPasses(200, () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      AtomicInteger calls = new AtomicInteger();
      inTwoThreads(() -> m.compute("k", (k, v) -> {
        calls.incrementAndGet();
        return v == null ? 1 : v + 1;
      }));
      assertThat(calls.get()).isEqualTo(2);
      assertThat(m.get("k")).isEqualTo(2);
    });
  }

  @Test
  void mergeWhoseFunctionTouchesAnAtomicPasses() {
    Probe.assertPasses(200, () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      AtomicInteger merged = new AtomicInteger();
      m.put("k", 0);
      inTwoThreads(() -> m.merge("k", 1, (old, one) -> {
        merged.incrementAndGet();
        return old + one;
      }));
      assertThat(merged.get()).isEqualTo(2);
      assertThat(m.get("k")).isEqualTo(2);
    });
  }

  @Test
  void computeIfPresentWhoseFunctionTouchesAVolatilePasses() {
    Probe.assertPasses(200, () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      Flag seen = new Flag();
      m.put("k", 0);
      inTwoThreads(() -> m.computeIfPresent("k", (k, v) -> {
        seen.on = true;
        return v + 1;
      }));
      assertThat(seen.on).isTrue();
      assertThat(m.get("k")).isEqualTo(2);
    });
  }

  static final class Flag {
    volatile boolean on;
  }

  /**
   * A lost update between the function and a thread outside the map is found: a scheduling point
   * inside the function still lets threads run that do not touch the map.
   */
  @Test
  void aLostUpdateInsideTheFunctionIsStillFound() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      AtomicInteger counter = new AtomicInteger();
      Thread a = new Thread(() -> m.computeIfAbsent("db", k -> {
        SynchronizersTest.unsafeIncrement(counter);
        return 1;
      }));
      Thread b = new Thread(() -> SynchronizersTest.unsafeIncrement(counter));
      a.start();
      b.start();
      a.join();
      b.join();
      assertThat(counter.get()).isEqualTo(2);
    });
  }

  /** A JDK collection written inside the function and outside the map is still a data race. */
  @Test
  void aDataRaceInsideTheFunctionIsStillFound() {
    Found.andReplayed(Failure.Kind.DATA_RACE, Probe.options(2000), () -> {
      ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
      AtomicInteger opened = new AtomicInteger();
      List<String> log = new ArrayList<>();
      Thread a = new Thread(() -> m.merge("db", 1, (x, y) -> {
        opened.incrementAndGet();
        log.add("merged");
        return x + y;
      }));
      Thread b = new Thread(() -> log.add("b"));
      m.put("db", 0);
      a.start();
      b.start();
      a.join();
      b.join();
    });
  }
}
