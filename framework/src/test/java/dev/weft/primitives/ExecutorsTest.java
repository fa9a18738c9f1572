package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Weft;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExecutorsTest {

  @Test
  void findsALostUpdateBetweenExecutorTasks() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      AtomicInteger counter = new AtomicInteger();
      List<Future<?>> futures = List.of(
          pool.submit(() -> SynchronizersTest.unsafeIncrement(counter)),
          pool.submit(() -> SynchronizersTest.unsafeIncrement(counter)));
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(counter.get()).isEqualTo(2);
    });
  }

  @Test
  void executorTasksWithAtomicIncrementsPassAndShutDown() {
    Probe.assertPasses(200, () -> {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      AtomicInteger counter = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        pool.execute(counter::incrementAndGet);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(counter.get()).isEqualTo(3);
    });
  }

  @Test
  void anExecutorThatIsNeverShutDownNeitherHangsNorLeaksThreads() {
    int before = Thread.activeCount();
    Probe.assertPasses(200, () -> {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<Integer> f = pool.submit(() -> 42);
      assertThat(f.get()).isEqualTo(42);
    });
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 2);
  }

  @Test
  void findsAResultReadBeforeTheCommonPoolTaskCompleted() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      AtomicInteger result = new AtomicInteger();
      CompletableFuture<Void> f =
          CompletableFuture.runAsync(() -> result.set(42), ForkJoinPool.commonPool());
      assertThat(result.get()).isEqualTo(42);
      f.join();
    });
  }

  @Test
  void joiningTheCommonPoolTaskSeesItsResult() {
    Probe.assertPasses(200, () -> {
      AtomicInteger result = new AtomicInteger();
      CompletableFuture<Integer> f = CompletableFuture
          .supplyAsync(() -> 20, ForkJoinPool.commonPool())
          .thenApplyAsync(v -> v + 22);
      f.thenAccept(result::set).join();
      assertThat(result.get()).isEqualTo(42);
    });
  }

  @Test
  void findsALostUpdateInAParallelStream() {
    Weft.Body lostUpdate = () -> {
      AtomicInteger counter = new AtomicInteger();
      IntStream.range(0, 4).parallel().forEach(i -> SynchronizersTest.unsafeIncrement(counter));
      assertThat(counter.get()).isEqualTo(4);
    };
    Probe.assertFinds(Failure.Kind.EXCEPTION, lostUpdate);
  }

  @Test
  void aParallelStreamWithAtomicIncrementsPasses() {
    Probe.assertPasses(100, () -> {
      AtomicInteger counter = new AtomicInteger();
      IntStream.range(0, 4).parallel().forEach(i -> counter.incrementAndGet());
      assertThat(counter.get()).isEqualTo(4);
      assertThat(IntStream.range(0, 100).parallel().sum()).isEqualTo(4950);
    });
  }
}
