package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.OverlapProbe;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Weft.explore called from two threads at once: the explorations take turns. */
class ConcurrentExplorationsTest {

  private static void lockedIncrements() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    Object lock = new Object();
    Thread t = new Thread(() -> {
      synchronized (lock) {
        SynchronizersTest.unsafeIncrement(counter);
      }
    });
    t.start();
    synchronized (lock) {
      SynchronizersTest.unsafeIncrement(counter);
    }
    t.join();
    assertThat(counter.get()).isEqualTo(2);
  }

  @Test
  void twoConcurrentExplorationsNeverOverlapAndBothGetTheirOwnResult() throws Exception {
    OverlapProbe overlap = new OverlapProbe();
    Options options = Options.defaults().iterations(300).seed(3);
    Body racyBody = overlap.counting(ExplorationTest::lostUpdate);
    Body correctBody = overlap.counting(ConcurrentExplorationsTest::lockedIncrements);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<Result> racy = callers.submit(startingTogether(start,
          () -> Weft.explore(options, racyBody)));
      Future<Result> correct = callers.submit(startingTogether(start,
          () -> Weft.explore(options, correctBody)));

      Result found = racy.get(2, TimeUnit.MINUTES);
      Result passed = correct.get(2, TimeUnit.MINUTES);
      assertThat(found.failure().map(Failure::kind)).as(found.report())
          .contains(Failure.Kind.EXCEPTION);
      assertThat(found.failure().orElseThrow().cause().orElseThrow())
          .isInstanceOf(AssertionError.class);
      assertThat(passed.failed()).as(passed.report()).isFalse();
      assertThat(passed.executions()).isEqualTo(300);
      assertThat(overlap.most()).as("bodies running at once").isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  private static Callable<Result> startingTogether(CyclicBarrier start, Callable<Result> call) {
    return () -> {
      start.await(10, TimeUnit.SECONDS);
      return call.call();
    };
  }
}
