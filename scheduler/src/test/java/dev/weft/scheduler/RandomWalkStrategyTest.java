package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomWalkStrategyTest {

  @Test
  void picksOnlyEnabledThreads() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(11);
    SplittableRandom subsets = new SplittableRandom(1);
    int[] enabled = new int[8];
    strategy.startExecution(0);
    for (int i = 0; i < 10_000; i++) {
      int mask = 1 + subsets.nextInt(255);
      int count = 0;
      for (int t = 0; t < 8; t++) {
        if ((mask & (1 << t)) != 0) enabled[count++] = t;
      }
      int current = subsets.nextBoolean() ? enabled[0] : -1;

      int chosen = strategy.pickThread(enabled, count, current);

      assertThat((mask >> chosen) & 1).as("T%d in mask %s", chosen, mask).isEqualTo(1);
    }
  }

  @Test
  void drivesBlockingProgramsWithoutPickingBlockedThreads() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(3);
    Sim.Program program = Programs.lockedCounter(3, 3);
    for (int i = 0; i < 300; i++) {
      // The simulator fails the test if a blocked thread is picked.
      Sim.Outcome outcome = program.run(strategy, i, 1_000);

      assertThat(outcome.failed || outcome.deadlock || outcome.stepLimit).isFalse();
    }
  }

  @Test
  void isRoughlyUniformOverEnabledThreads() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(-8);
    strategy.startExecution(0);
    int[] enabled = {1, 3, 5, 7};
    int[] counts = new int[8];
    for (int i = 0; i < 40_000; i++) counts[strategy.pickThread(enabled, 4, 3)]++;

    // Expected 10000 each, standard deviation about 87.
    for (int t : enabled) assertThat(counts[t]).isBetween(9_600, 10_400);
    assertThat(counts[0] + counts[2] + counts[4] + counts[6]).isZero();
  }

  @Test
  void pickIntIsInRangeAndCoversIt() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(4);
    strategy.startExecution(0);
    int[] counts = new int[5];
    for (int i = 0; i < 5_000; i++) counts[strategy.pickInt(5)]++;

    for (int c : counts) assertThat(c).isBetween(850, 1_150);
    assertThat(strategy.pickInt(1)).isZero();
  }

  @Test
  void aSpinningThreadLetsAnotherOneRunNext() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(21);
    strategy.startExecution(0);
    int[] enabled = {0, 1, 2};
    boolean spinnerRanLater = false;
    for (int i = 0; i < 1_000; i++) {
      strategy.onSpin(1);
      assertThat(strategy.pickThread(enabled, 3, 1)).isNotEqualTo(1);
      spinnerRanLater |= strategy.pickThread(enabled, 3, 0) == 1;
    }
    assertThat(spinnerRanLater).as("the hint only holds for one decision").isTrue();
  }

  @Test
  void aSpinHintIsUsedUpByADecisionWithOneOption() {
    int spinnerChosen = 0;
    for (long seed = 0; seed < 200; seed++) {
      RandomWalkStrategy strategy = new RandomWalkStrategy(seed);
      strategy.startExecution(0);
      strategy.onSpin(1);
      strategy.pickThread(new int[] {1}, 1, 1);
      if (strategy.pickThread(new int[] {0, 1}, 2, 0) == 1) spinnerChosen++;
    }
    assertThat(spinnerChosen).isBetween(70, 130);
  }

  @Test
  void spinLoopsEndQuickly() {
    RandomWalkStrategy strategy = new RandomWalkStrategy(8);
    Sim.Program program = Programs.spinWait(10);
    long totalSteps = 0;
    for (int i = 0; i < 200; i++) {
      Sim.Outcome outcome = program.run(strategy, i, 10_000);
      assertThat(outcome.stepLimit).isFalse();
      totalSteps += outcome.steps;
    }
    // 13 steps without spinning; each step of the setter costs the spinner one more at most.
    assertThat(totalSteps / 200.0).isLessThan(25);
  }
}
