package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A program that does not do the same under the same schedule keeps a systematic search from
 * calling its space explored; the report says so, and where the first replay left its path.
 */
class DivergenceReportTest {
  /** Survives from one execution to the next: what makes the program depend on more than its schedule. */
  private static final AtomicInteger RUNS = new AtomicInteger();

  private static final class Flags {
    volatile int a;
  }

  @Test
  void aProgramThatDependsOnItsPastRunsIsNotCalledExhausted() {
    Result result = Weft.explore(Options.defaults().strategy(Strategy.SYSTEMATIC).iterations(500)
        .timeLimit(Duration.ofMinutes(1)), () -> {
          Flags flags = new Flags();
          Thread zero = new Thread(() -> flags.a = 3);
          zero.start();
          // From the third execution on, the program is another one: what was recorded before no longer fits.
          boolean secondThread = RUNS.incrementAndGet() > 2;
          Thread one = new Thread(() -> flags.a = 1);
          one.start();
          if (secondThread) {
            Thread two = new Thread(() -> flags.a = 2);
            two.start();
            two.join();
          }
          one.join();
          zero.join();
        });

    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.exhausted()).as(result.report()).isFalse();
    assertThat(result.report()).contains("took another path (the program did not do the same"
        + " under the same schedule; the first ");
  }
}
