package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A result tells how long its exploration or replay took: the time of the call itself. */
class ElapsedTimeTest {
  @Test
  void explorationsAndReplaysSayHowLongTheyTook() {
    long before = System.nanoTime();
    Result passed = Weft.explore(Options.defaults().iterations(20), () -> {
      Thread t = new Thread(Thread::yield);
      t.start();
      t.join();
    });
    Result failed = Weft.explore(Options.defaults().iterations(500).seed(7),
        ExplorationTest::lostUpdate);
    Result replayed =
        Weft.replay(failed.failure().orElseThrow().replayToken(), ExplorationTest::lostUpdate);
    Duration all = Duration.ofNanos(System.nanoTime() - before);

    assertThat(passed.failed()).isFalse();
    assertThat(replayed.failed()).isTrue();
    assertThat(passed.elapsed()).isPositive();
    assertThat(failed.elapsed()).isPositive();
    assertThat(replayed.elapsed()).isPositive();
    assertThat(passed.elapsed().plus(failed.elapsed()).plus(replayed.elapsed()))
        .isLessThanOrEqualTo(all);
  }
}
