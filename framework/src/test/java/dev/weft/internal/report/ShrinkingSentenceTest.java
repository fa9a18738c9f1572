package dev.weft.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shrink line reads naturally and says why the steps grew. */
class ShrinkingSentenceTest {
  private static Shrinking shrunk(int fromPreemptions, int fromSteps, int toPreemptions,
      int toSteps, int reExecutions) {
    return new Shrinking(fromPreemptions, fromSteps, toPreemptions, toSteps, reExecutions, true,
        true, false, Duration.ofSeconds(10), toPreemptions);
  }

  @Test
  void oneOfAnythingIsSingular() {
    assertThat(shrunk(1, 6, 0, 6, 1).sentence())
        .isEqualTo("Shrunk from 1 preemption / 6 steps to 0 / 6 in 1 re-execution.");
    assertThat(shrunk(2, 1, 1, 1, 3).sentence())
        .isEqualTo("Shrunk from 2 preemptions / 1 step to 1 / 1 in 3 re-executions.");
  }

  @Test
  void growingStepsAreExplainedWithHowMany() {
    String sentence = shrunk(1, 6, 0, 7, 4).sentence();

    assertThat(sentence).startsWith("Shrunk from 1 preemption / 6 steps to 0 / 7 in 4"
        + " re-executions. The steps grew by 1: ").contains("without a preemption");
    assertThat(shrunk(2, 9, 1, 8, 4).sentence()).doesNotContain("grew");
  }
}
