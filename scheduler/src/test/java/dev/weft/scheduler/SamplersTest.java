package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The samplers against each other on the bug a random walk cannot find: many threads. */
class SamplersTest {
  private static final Sim.Program MANY_SETTERS = Programs.manySetters(30, 10);
  private static final int BUDGET = 2_000;

  @Test
  void posAndPctFindTheManyThreadOrderingBugWhereTheRandomWalkDoesNot() {
    int[] random = firstFailures(RandomWalkStrategy::new);
    int[] pct = firstFailures(PctStrategy::new);
    int[] pos = firstFailures(PosStrategy::new);

    // The random walk runs the checker within its first few picks: it needs all 330 setter
    // steps first, about e^-11 per execution.
    assertThat(random).containsOnly(-1);
    assertThat(found(pct)).isEqualTo(10);
    assertThat(median(pct)).isLessThanOrEqualTo(100);
    assertThat(found(pos)).isGreaterThanOrEqualTo(8);
    assertThat(median(pos)).isLessThanOrEqualTo(400);
  }

  @Test
  void posDemotesASpinnerUntilAnotherThreadHasTakenAStep() {
    Sim.Program program = Programs.spinWait(20);
    for (int i = 0; i < 300; i++) {
      Sim.Outcome outcome = program.run(new PosStrategy(5), i, 5_000);
      // 21 setter steps, at most one read of the spinner after each (it never spins twice in a
      // row while the setter can run), its reads before the setter's first step, its last step.
      assertThat(outcome.stepLimit).isFalse();
      assertThat(outcome.steps).isLessThanOrEqualTo(2 * 21 + 3);
    }
  }

  /**
   * A thread marked spinning that was not (three reads of a flag in a row, then a lock) is not
   * kept from running until the others are done: POS still finds the order in which it takes its
   * lock first, which it would never find if the mark lasted until a dependent step.
   */
  @Test
  void posDoesNotStarveAThreadWronglyMarkedSpinning() {
    Sim.Program program = Programs.falseSpinnerBeforeALock();
    int firstTakesTheLockFirst = 0;
    for (int i = 0; i < 300; i++) {
      if (program.run(new PosStrategy(3), i, 1_000).failed) firstTakesTheLockFirst++;
    }
    assertThat(firstTakesTheLockFirst).as("executions where T0 took the lock first").isGreaterThan(30);
  }

  @Test
  void posRunsBlockingProgramsWithAndWithoutAView() {
    Sim.Program program = Programs.lockedCounter(3, 3);
    for (int i = 0; i < 300; i++) {
      Sim.Outcome withView = program.run(new PosStrategy(9), i, 1_000);
      assertThat(withView.failed || withView.deadlock || withView.stepLimit).isFalse();
    }
    Sim.Program undeclared = Programs.spinWait(5);
    for (int i = 0; i < 100; i++) {
      assertThat(undeclared.run(new PosStrategy(9), i, 1_000).stepLimit).isFalse();
    }
  }

  /** Per seed 0..9, the number of executions to the first failure, or -1 within the budget. */
  private static int[] firstFailures(LongFunction<SchedulingStrategy> factory) {
    int[] result = new int[10];
    for (int seed = 0; seed < result.length; seed++) {
      SchedulingStrategy strategy = factory.apply(seed);
      result[seed] = -1;
      for (int i = 0; i < BUDGET && result[seed] < 0; i++) {
        if (MANY_SETTERS.run(strategy, i, 10_000).failed) result[seed] = i + 1;
      }
    }
    return result;
  }

  private static long found(int[] firstFailures) {
    return Arrays.stream(firstFailures).filter(n -> n > 0).count();
  }

  private static int median(int[] firstFailures) {
    int[] sorted = Arrays.stream(firstFailures).map(n -> n < 0 ? Integer.MAX_VALUE : n).sorted()
        .toArray();
    return sorted[sorted.length / 2];
  }
}
