package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.ReplayDivergedException;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
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
    assertThat(failure.cause().orElseThrow()).isInstanceOf(IllegalStateException.class);
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

  /**
   * Two yielding threads, then a failure every time; once {@code replaying} is set, a third
   * thread joins in, so no recorded schedule fits any more (the way a common-pool worker that
   * takes another path makes a replay diverge).
   */
  private static Weft.Body pathChangingOnReplay(boolean onCommonPool, AtomicBoolean replaying) {
    return () -> {
      if (onCommonPool) ForkJoinPool.commonPool().submit(Thread::yield).join();
      Thread a = new Thread(Thread::yield);
      Thread b = new Thread(Thread::yield);
      a.start();
      b.start();
      if (replaying.get()) {
        Thread c = new Thread(Thread::yield);
        c.start();
        c.join();
      }
      a.join();
      b.join();
      throw new IllegalStateException("always fails");
    };
  }

  @Test
  void aCommonPoolReplayThatKeepsDivergingGetsOneLenientRunWhichSaysSo() {
    AtomicBoolean replaying = new AtomicBoolean();
    Weft.Body body = pathChangingOnReplay(true, replaying);
    Result found = Weft.explore(Options.defaults().iterations(50).seed(5), body);
    String token = found.failure().orElseThrow().replayToken();
    replaying.set(true);

    Result replayed = Weft.replay(token, body);

    assertThat(replayed.failure().map(Failure::kind)).contains(Failure.Kind.EXCEPTION);
    assertThat(replayed.report()).contains("Replayed leniently: the exact schedule did not fit")
        .contains("always fails");
  }

  @Test
  void outsideTheCommonPoolADivergedReplayIsReportedAtOnce() {
    AtomicBoolean replaying = new AtomicBoolean();
    Weft.Body body = pathChangingOnReplay(false, replaying);
    String token = Weft.explore(Options.defaults().iterations(50).seed(5), body)
        .failure().orElseThrow().replayToken();
    replaying.set(true);

    assertThatThrownBy(() -> Weft.replay(token, body))
        .hasMessageStartingWith("replay diverged at step")
        // The API's own type, which says where: never the scheduler's.
        .isExactlyInstanceOf(ReplayDivergedException.class)
        .satisfies(e -> assertThat(e.getMessage())
            .startsWith("replay diverged at step " + ((ReplayDivergedException) e).step() + ":"));
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
