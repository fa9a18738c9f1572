package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PctStrategyTest {

  @Test
  void rejectsDepthBelowOne() {
    assertThatThrownBy(() -> new PctStrategy(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void depthOneRunsEachThreadToCompletionInARandomPriorityOrder() {
    PctStrategy pct = new PctStrategy(17, 1);
    RecordingStrategy recorder = new RecordingStrategy(pct, 17);
    Sim.Program program = Programs.independent(3, 10);
    Set<String> orders = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Sim.Outcome outcome = program.run(recorder, i, 1_000);

      assertThat(recorder.recordedPreemptions()).isZero();
      assertThat(outcome.switches()).isEqualTo(2);
      orders.add("" + outcome.trace[0] + outcome.trace[10] + outcome.trace[20]);
    }
    assertThat(orders).hasSize(6);
  }

  @Test
  void preemptsOnlyAtItsDepthMinusOneChangePoints() {
    int[] executionsWithPreemptions = new int[4];
    for (int depth = 1; depth <= 3; depth++) {
      PctStrategy pct = new PctStrategy(99, depth);
      RecordingStrategy recorder = new RecordingStrategy(pct, 99);
      Sim.Program program = Programs.independent(3, 20);
      for (int i = 0; i < 500; i++) {
        program.run(recorder, i, 1_000);
        int preemptions = recorder.recordedPreemptions();

        assertThat(preemptions).isLessThanOrEqualTo(depth - 1);
        executionsWithPreemptions[preemptions]++;
      }
    }
    // Change points fall within the 60 steps most of the time, so the bound is reached often.
    assertThat(executionsWithPreemptions[1]).isGreaterThan(300);
    assertThat(executionsWithPreemptions[2]).isGreaterThan(150);
  }

  @Test
  void theHighestPriorityThreadRunsUntilARandomChangePoint() {
    PctStrategy pct = new PctStrategy(5, 2);
    Sim.Program program = Programs.independent(2, 40);
    Set<Integer> switchSteps = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Sim.Outcome outcome = program.run(pct, i, 1_000);
      int first = outcome.trace[0];
      int k = 0;
      while (k < outcome.steps && outcome.trace[k] == first) k++;
      if (k < 40) {
        // preempted: the other thread has the highest priority now and runs to its end
        int[] rest = Arrays.copyOfRange(outcome.trace, k, k + 40);
        assertThat(rest).containsOnly(1 - first);
        switchSteps.add(k);
      }
    }
    assertThat(switchSteps).hasSizeGreaterThan(20);
  }

  @Test
  void findsABugNeedingTwoPreemptionsOnlyWithDepthThree() {
    Sim.Program program = Programs.betweenWrites(2);

    assertThat(firstFailure(program, new PctStrategy(3, 1), 500)).isEqualTo(-1);
    assertThat(firstFailure(program, new PctStrategy(3, 2), 500)).isEqualTo(-1);
    assertThat(firstFailure(program, new PctStrategy(3, 3), 500)).isBetween(0, 499);
  }

  @Test
  void aSpinningThreadIsDemotedSoTheThreadItWaitsForRuns() {
    Sim.Program program = Programs.spinWait(20);
    for (int depth = 1; depth <= 3; depth++) {
      PctStrategy pct = new PctStrategy(77, depth);
      int spinnerFirst = 0;
      for (int i = 0; i < 300; i++) {
        Sim.Outcome outcome = program.run(pct, i, 5_000);

        // 21 steps of the setter, the spinner's last check and step, and one failed check.
        assertThat(outcome.steps).isLessThanOrEqualTo(24);
        if (outcome.trace[0] == 0) spinnerFirst++;
      }
      assertThat(spinnerFirst).as("executions where the spinner had to be demoted")
          .isGreaterThan(50);
    }
  }

  @Test
  void withoutTheSpinHintTheSameSpinLoopStarves() {
    Sim.Program program = Programs.spinWait(20).withoutSpinHints();
    PctStrategy pct = new PctStrategy(77, 1);
    int starved = 0;
    for (int i = 0; i < 300; i++) {
      if (program.run(pct, i, 5_000).stepLimit) starved++;
    }
    assertThat(starved).isGreaterThan(50);
  }

  @Test
  void pickIntStaysInRange() {
    PctStrategy pct = new PctStrategy(1, 3);
    pct.startExecution(0);
    boolean[] seen = new boolean[3];
    for (int i = 0; i < 300; i++) seen[pct.pickInt(3)] = true;

    assertThat(seen).containsOnly(true);
    assertThat(pct.pickInt(1)).isZero();
  }

  private static int firstFailure(Sim.Program program, SchedulingStrategy strategy, int limit) {
    for (int i = 0; i < limit; i++) {
      if (program.run(strategy, i, 1_000).failed) return i;
    }
    return -1;
  }

  @Test
  void aTwelveStepOrderingBugIsFoundInAFewHundredExecutionsWhereTheOldPlacementMissesIt() {
    Sim.Program program = Programs.checkerAndTwoSetters();
    assertThat(program.run(new PctStrategy(0, 1), 0, 1_000).steps).isEqualTo(12);
    int foundNow = 0;
    int foundBefore = 0;
    int foundAdaptive = 0;
    for (long seed = 0; seed < 20; seed++) {
      if (firstFailure(program, new PctStrategy(seed, 3), 300) >= 0) foundNow++;
      if (firstFailure(program, PctStrategy.adaptive(seed, 4, Shard.ALL), 300) >= 0) {
        foundAdaptive++;
      }
      // Change points in [1, 64] as before the fix: on 12 steps most fall past the end.
      if (firstFailure(program, new PctStrategy(seed, 3, false, Shard.ALL, 64), 300) >= 0) {
        foundBefore++;
      }
    }
    assertThat(foundNow).as("seeds of 20 that find it in 300").isGreaterThanOrEqualTo(18);
    assertThat(foundAdaptive).isGreaterThanOrEqualTo(16);
    assertThat(foundBefore).isLessThanOrEqualTo(6);
  }

  @Test
  void changePointsFallWithinTheMeasuredLength() {
    // 2 threads x 6 steps: a change point anywhere in the 12 steps but the last few preempts.
    PctStrategy pct = new PctStrategy(42, 2);
    RecordingStrategy recorder = new RecordingStrategy(pct, 42);
    Sim.Program program = Programs.independent(2, 6);
    int preempted = 0;
    for (int i = 0; i < 200; i++) {
      program.run(recorder, i, 1_000);
      if (i == 0) assertThat(recorder.recordedPreemptions()).as("the measuring run").isZero();
      if (i > 0 && recorder.recordedPreemptions() == 1) preempted++;
    }
    // Steps 1-5 preempt the first thread; 6 and later fall on its last step or the second
    // thread's, where nothing else can run: 5 of 12. The old guess of 64 gave 5 of 64.
    assertThat(preempted).isBetween(55, 110);
  }

  @Test
  void theAdaptiveStrategyGoesThroughItsDepthsInTurn() {
    PctStrategy pct = PctStrategy.adaptive(3, 4, Shard.ALL);
    int[] depths = new int[9];
    for (int i = 0; i < depths.length; i++) depths[i] = pct.depthOf(i);

    assertThat(depths).containsExactly(1, 1, 2, 3, 4, 1, 2, 3, 4);

    RecordingStrategy recorder = new RecordingStrategy(pct, 3);
    Sim.Program program = Programs.independent(3, 20);
    int[] most = new int[5];
    for (int i = 0; i < 400; i++) {
      program.run(recorder, i, 1_000);
      int depth = pct.depthOf(i);
      assertThat(recorder.recordedPreemptions()).isLessThanOrEqualTo(depth - 1);
      most[depth] = Math.max(most[depth], recorder.recordedPreemptions());
    }
    assertThat(most).containsExactly(0, 0, 1, 2, 3);
  }

  @Test
  void aSpinningThreadIsDemotedUnderTheAdaptiveStrategyToo() {
    Sim.Program program = Programs.spinWait(20);
    PctStrategy pct = new PctStrategy(77);
    for (int i = 0; i < 300; i++) {
      assertThat(program.run(pct, i, 5_000).steps).isLessThanOrEqualTo(25);
    }
  }

  @Test
  void shardsRunExecutionZeroAndThenDisjointIndices() {
    PctStrategy shard = PctStrategy.adaptive(1, 4, new Shard(1, 3));

    assertThat(new int[] {shard.executionIndex(0), shard.executionIndex(1),
        shard.executionIndex(2), shard.executionIndex(3)}).containsExactly(0, 2, 5, 8);
  }
}
