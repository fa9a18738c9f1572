package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplorationTest {

  static void lostUpdate() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    Thread t = new Thread(() -> SynchronizersTest.unsafeIncrement(counter));
    t.start();
    SynchronizersTest.unsafeIncrement(counter);
    t.join();
    assertThat(counter.get()).isEqualTo(2);
  }

  @Test
  void theSameSeedExploresTheSameExecutions() {
    Options options = Options.defaults().iterations(500).seed(42);
    Result first = Weft.explore(options, ExplorationTest::lostUpdate);
    Result second = Weft.explore(options, ExplorationTest::lostUpdate);
    assertThat(first.failed()).isTrue();
    assertThat(second.executions()).isEqualTo(first.executions());
    assertThat(second.failure().orElseThrow().replayToken())
        .isEqualTo(first.failure().orElseThrow().replayToken());
  }

  @Test
  void anExceptionInAnyThreadIsReportedWithItsThread() {
    Failure failure = Probe.assertFinds(Failure.Kind.EXCEPTION, Probe.options(5), () -> {
      Thread t = new Thread(() -> {
        throw new IllegalStateException("boom in worker");
      }, "worker");
      t.start();
      t.join();
    });
    assertThat(failure.summary()).contains("boom in worker").contains("T1 (worker)");
    assertThat(failure.cause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReplayThatNoLongerFitsTheProgramSaysWhereItDiverged() {
    Result result = Weft.explore(Options.defaults().iterations(500).seed(7),
        ExplorationTest::lostUpdate);
    String token = result.failure().orElseThrow().replayToken();
    assertThatThrownBy(() -> Weft.replay(token, () -> {
      AtomicInteger counter = new AtomicInteger();
      counter.incrementAndGet();
    })).hasMessageStartingWith("replay diverged at step");
  }

  @Test
  void aGarbageTokenIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> Weft.replay("not-a-token", () -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not-a-token");
  }

  @Test
  void threadsAreNamedByCreationOrder() {
    Result result = Weft.explore(Options.defaults().iterations(5).seed(3), () -> {
      Thread a = new Thread(() -> { }, "alpha");
      Thread b = new Thread(() -> {
        throw new IllegalStateException("from b");
      }, "beta");
      a.start();
      b.start();
      a.join();
      b.join();
    });
    assertThat(result.failure().orElseThrow().summary()).contains("T2 (beta)");
  }

  @Test
  void tenThousandExecutionsOfFourThreadsLeaveNoThreadsBehind() {
    int before = Thread.activeCount();
    Result result = Weft.explore(Options.defaults().iterations(10_000).seed(11), () -> {
      AtomicInteger counter = new AtomicInteger();
      Thread[] threads = new Thread[4];
      for (int i = 0; i < threads.length; i++) {
        threads[i] = new Thread(counter::incrementAndGet);
        threads[i].start();
      }
      for (Thread t : threads) {
        t.join();
      }
    });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(10_000);
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 1);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(512L * 1024 * 1024);
  }
}
