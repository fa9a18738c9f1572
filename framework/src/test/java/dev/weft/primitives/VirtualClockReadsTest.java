package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.Weft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * System.nanoTime, currentTimeMillis and the java.time clocks read the virtual clock inside
 * executions.
 */
class VirtualClockReadsTest {

  private static final long THREE_SECONDS = TimeUnit.SECONDS.toNanos(3);

  static final class Counter {
    int value;

    synchronized void increment() {
      value++;
    }
  }

  /** Runs {@code step} until three seconds have passed; returns how long it ran, in nanos. */
  private static long forThreeSeconds(Runnable step) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < THREE_SECONDS) {
      step.run();
    }
    return System.nanoTime() - start;
  }

  /**
   * Without the virtual clock every execution would take three real seconds, and the one-minute
   * limit of the probe would end the search long before its executions.
   */
  @Test
  void aThreeSecondLoopInTwoThreadsPassesInEveryExecution() {
    Probe.assertPasses(40, () -> {
      Counter counter = new Counter();
      AtomicLong ranA = new AtomicLong();
      AtomicLong ranB = new AtomicLong();
      Thread a = new Thread(() -> ranA.set(forThreeSeconds(counter::increment)));
      Thread b = new Thread(() -> ranB.set(forThreeSeconds(counter::increment)));
      a.start();
      b.start();
      a.join();
      b.join();
      assertThat(ranA.get()).isGreaterThanOrEqualTo(THREE_SECONDS);
      assertThat(ranB.get()).isGreaterThanOrEqualTo(THREE_SECONDS);
      assertThat(counter.value).isPositive();
    });
  }

  @Test
  void aRacyThreeSecondStressLoopIsFoundAndReplays() {
    Found.andReplayed(Failure.Kind.DATA_RACE, Probe.options(2000), () -> {
      List<Integer> seen = new ArrayList<>();
      Thread a = new Thread(() -> forThreeSeconds(() -> seen.add(1)));
      Thread b = new Thread(() -> forThreeSeconds(() -> seen.add(2)));
      a.start();
      b.start();
      a.join();
      b.join();
    });
  }

  @Test
  void clockReadsAreTheSameInEveryRunOfTheSameSchedule() {
    List<List<Long>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<Long> reads = new ArrayList<>();
      Result result = Weft.explore(Probe.options(1), () -> {
        reads.clear();
        long[] inThread = new long[1];
        Thread t = new Thread(() -> inThread[0] = System.nanoTime());
        t.start();
        reads.add(System.nanoTime());
        reads.add(System.currentTimeMillis());
        Thread.sleep(250);
        reads.add(System.nanoTime());
        t.join();
        reads.add(inThread[0]);
      });
      assertThat(result.failed()).as(result.report()).isFalse();
      runs.add(List.copyOf(reads));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    List<Long> reads = runs.get(0);
    // The sleep moved the clock by its 250 ms, reads by a tick each: virtual, not real, time.
    assertThat(reads.get(2) - reads.get(0))
        .isBetween(TimeUnit.MILLISECONDS.toNanos(250), TimeUnit.MILLISECONDS.toNanos(260));
    // Not the JVM's clock: that is where the JVM started, not 2026-01-01.
    assertThat(reads.get(1)).isBetween(1_767_225_600_000L, 1_767_225_600_000L + 1_000L);
  }

  /** Runs {@code step} until three seconds have passed by {@code Instant.now()}. */
  private static Duration forThreeSecondsOfInstants(Runnable step) {
    Instant start = Instant.now();
    while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0) {
      step.run();
    }
    return Duration.between(start, Instant.now());
  }

  @Test
  void aThreeSecondLoopOnInstantNowInTwoThreadsPassesInEveryExecution() {
    Probe.assertPasses(40, () -> {
      Counter counter = new Counter();
      Duration[] ran = new Duration[2];
      Thread a = new Thread(() -> ran[0] = forThreeSecondsOfInstants(counter::increment));
      Thread b = new Thread(() -> ran[1] = forThreeSecondsOfInstants(counter::increment));
      a.start();
      b.start();
      a.join();
      b.join();
      assertThat(ran[0]).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
      assertThat(ran[1]).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    });
  }

  @Test
  void javaTimeNowReadsTheVirtualClockTheSameInEveryRun() {
    List<List<Long>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<Long> reads = new ArrayList<>();
      Result result = Weft.explore(Probe.options(1), () -> {
        reads.clear();
        Clock utc = Clock.systemUTC();
        reads.add(Instant.now().toEpochMilli());
        reads.add(utc.millis());
        reads.add(ZonedDateTime.now().toInstant().toEpochMilli());
        reads.add(Clock.systemDefaultZone().instant().toEpochMilli());
        reads.add(ZonedDateTime.now(ZoneId.of("Europe/Paris")).toInstant().toEpochMilli());
        reads.add(Clock.system(ZoneId.of("Asia/Tokyo")).millis());
        reads.add(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toLocalDate()
            .getYear() * 1L);
      });
      assertThat(result.failed()).as(result.report()).isFalse();
      runs.add(List.copyOf(reads));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    List<Long> reads = runs.get(0);
    // 2026-01-01T00:00Z and a tick a read, not the JVM's clock.
    for (int i = 0; i < 6; i++) {
      assertThat(reads.get(i)).isBetween(1_767_225_600_000L, 1_767_225_600_000L + 1_000L);
    }
    assertThat(reads.get(1)).isGreaterThan(reads.get(0));
    assertThat(reads.get(6)).isBetween(2025L, 2026L);
  }

  @Test
  void aClockKeptAfterItsExecutionReadsRealTime() {
    Clock[] kept = new Clock[1];
    Result result = Weft.explore(Probe.options(1), () -> kept[0] = Clock.systemUTC());
    assertThat(result.failed()).as(result.report()).isFalse();
    long before = System.currentTimeMillis();
    long read = kept[0].millis();
    assertThat(read).isBetween(before, System.currentTimeMillis());
  }

  @Test
  void outsideAnExecutionTheClockIsReal() {
    long before = java.time.Instant.now().toEpochMilli();
    long read = System.currentTimeMillis();
    long after = java.time.Instant.now().toEpochMilli();
    assertThat(read).isBetween(before, after);
  }
}
