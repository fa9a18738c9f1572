package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.agent.CommonPoolParallelism;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Races between common-pool tasks, on a pool whose size Weft fixes (issue 11): found on any
 * machine, replayed exactly, and their correct twins pass.
 */
class CommonPoolTest {
  /** Replays of one failure: a common-pool replay must repeat the execution every time. */
  private static final int REPLAYS = 20;

  private static final class Box {
    int value;
  }

  /** Two async tasks read, then write, one field: an update can be lost. */
  private static final Weft.Body LOST_UPDATE = () -> {
    Box box = new Box();
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> box.value = box.value + 1);
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> box.value = box.value + 1);
    a.join();
    b.join();
    assertThat(box.value).isEqualTo(2);
  };

  /** Two async tasks put into one HashMap. */
  private static final Weft.Body MAP_PUTS = () -> {
    Map<Integer, Integer> map = new HashMap<>();
    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> map.put(1, 1));
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> map.put(2, 2));
    a.join();
    b.join();
    assertThat(map).hasSize(2);
  };

  @Test
  void theAgentFixesTheCommonPoolsParallelism() {
    // Framework tests run with -javaagent: premain set the property before the pool started.
    assertThat(System.getProperty(CommonPoolParallelism.PROPERTY))
        .isEqualTo(Integer.toString(CommonPoolParallelism.FIXED));
    assertThat(ForkJoinPool.getCommonPoolParallelism()).isEqualTo(CommonPoolParallelism.FIXED);
    assertThat(CommonPoolParallelism.mismatch()).isNull();
  }

  @Test
  void aPoolStartedWithAnotherSizeIsNamed() {
    String before = System.getProperty(CommonPoolParallelism.PROPERTY);
    System.setProperty(CommonPoolParallelism.PROPERTY, "5");
    try {
      assertThat(CommonPoolParallelism.mismatch())
          .startsWith("The common pool runs " + ForkJoinPool.getCommonPoolParallelism()
              + " workers, not 5: it was started before Weft's agent could set");
    } finally {
      System.setProperty(CommonPoolParallelism.PROPERTY, before);
    }
  }

  @Test
  void findsALostUpdateBetweenTwoAsyncTasksAndReplaysItExactly() {
    Failure failure = findAndReplay(LOST_UPDATE);
    assertThat(failure.summary()).contains("Box.value");
  }

  @Test
  void findsHashMapPutsFromTwoAsyncTasksAndReplaysThemExactly() {
    Failure failure = findAndReplay(MAP_PUTS);
    assertThat(failure.summary()).contains("java.util.HashMap");
  }

  @Test
  void atomicIncrementsInAsyncTasksPass() {
    Probe.assertPasses(300, () -> {
      AtomicInteger counter = new AtomicInteger();
      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(counter::incrementAndGet);
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(counter::incrementAndGet);
      assertThat(a.join() + b.join()).isEqualTo(3);
      assertThat(counter.get()).isEqualTo(2);
    });
  }

  @Test
  void concurrentHashMapPutsInAsyncTasksPass() {
    Probe.assertPasses(300, () -> {
      Map<Integer, Integer> map = new ConcurrentHashMap<>();
      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> map.put(1, 1));
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> map.put(2, 2));
      a.join();
      b.join();
      assertThat(map).hasSize(2);
    });
  }

  /**
   * Explores until the race is found on two common-pool workers, then replays its token {@link
   * #REPLAYS} times: each replay must fail the same way on the exact schedule, not leniently.
   */
  private static Failure findAndReplay(Weft.Body body) {
    Result found = Weft.explore(Probe.options(1000), body);
    assertThat(found.failed()).as(found.report()).isTrue();
    Failure failure = found.failure().orElseThrow();
    assertThat(failure.kind()).as(found.report()).isEqualTo(Failure.Kind.DATA_RACE);
    assertThat(failure.summary()).as(found.report()).contains("ForkJoinPool.commonPool-worker");
    for (int i = 0; i < REPLAYS; i++) {
      Result replayed = Weft.replay(Probe.options(1000), failure.replayToken(), body);
      assertThat(replayed.failed()).as("replay %d: %s", i, replayed.report()).isTrue();
      Failure again = replayed.failure().orElseThrow();
      assertThat(again.kind()).isEqualTo(Failure.Kind.DATA_RACE);
      assertThat(replayed.report()).as("replay %d", i).doesNotContain("Replayed leniently");
      assertThat(again.replayToken()).as("replay %d", i).isEqualTo(failure.replayToken());
    }
    return failure;
  }
}
