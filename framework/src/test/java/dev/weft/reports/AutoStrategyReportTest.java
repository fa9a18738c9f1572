package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * AUTO searches systematically, then samples with POS; its reports say which of the two covered
 * what, and which one found the failure.
 */
class AutoStrategyReportTest {
  /** A lost update on a volatile: it needs one preemption between a thread's read and write. */
  private static final class Shared {
    volatile int value;
  }

  private static void lostUpdate(boolean fixed) throws InterruptedException {
    Shared shared = new Shared();
    Runnable increment = () -> {
      if (fixed) {
        synchronized (shared) {
          shared.value = shared.value + 1;
        }
      } else {
        shared.value = shared.value + 1;
      }
    };
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    a.start();
    b.start();
    a.join();
    b.join();
    if (shared.value != 2) throw new AssertionError("lost an update: " + shared.value);
  }

  private static Options auto(int preemptionBound) {
    return Options.defaults().strategy(Strategy.AUTO).seed(7).iterations(300)
        .preemptionBound(preemptionBound).timeLimit(Duration.ofMinutes(1));
  }

  @Test
  void aSmallCorrectProgramEndsWithTheSearchHavingExploredItAll() {
    Result result = Weft.explore(auto(2), () -> lostUpdate(true));
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.exhausted()).as(result.report()).isTrue();
    assertThat(result.report()).contains("AUTO: the systematic search took")
        .doesNotContain("PCT");
  }

  @Test
  void oncePreemptionsWereCutPosRunsTheRestOfTheBudget() {
    Result result = Weft.explore(auto(0), () -> lostUpdate(true));
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(300);
    assertThat(result.report()).contains("then POS (seed 7) ran 297 executions for schedules with more"
        + " preemptions").doesNotContain("PCT");
  }

  @Test
  void aBugBeyondTheBoundIsFoundByAPosExecution() {
    Result result = Weft.explore(auto(0), () -> lostUpdate(false));
    assertThat(result.failed()).as(result.report()).isTrue();
    assertThat(result.report()).contains("(seed 7, AUTO: a POS execution)");
  }

  @Test
  void withinTheBoundTheSearchFindsTheBugItself() {
    Result result = Weft.explore(auto(2), () -> lostUpdate(false));
    assertThat(result.failed()).as(result.report()).isTrue();
    assertThat(result.report()).contains("AUTO: systematic, the search within 1 preemption");
  }
}
