package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordingStrategyTest {
  private static final int[] T01 = {0, 1};
  private static final int[] T012 = {0, 1, 2};

  @Test
  void recordsOnlyDecisionsWithMoreThanOneOption() {
    RecordingStrategy recorder = recorder(new int[] {1, 1, 2, 0, 1});
    recorder.startExecution(0);

    recorder.pickThread(new int[] {0}, 1, 0);
    recorder.pickThread(T01, 2, 0); // 0 -> 1: preemption
    recorder.pickThread(T01, 2, 1); // 1 goes on
    recorder.pickInt(1);
    recorder.pickThread(T012, 3, -1); // free switch to 2
    recorder.pickInt(3); // 0
    recorder.pickThread(T012, 3, 2); // 2 -> 1: preemption
    recorder.pickThread(new int[] {1}, 1, -1);

    assertThat(recorder.recordedSchedule()).isEqualTo(new Schedule(42, new int[] {1, 1, 2, 0, 1}));
    assertThat(recorder.recordedRunningBefore())
        .containsExactly(0, 1, -1, RecordingStrategy.NOT_A_THREAD_DECISION, 2);
    assertThat(recorder.recordedPreemptions()).isEqualTo(2);
    assertThat(recorder.recordedSteps()).isEqualTo(6);
  }

  @Test
  void aSwitchAwayFromAThreadThatJustSpunIsNoPreemption() {
    RecordingStrategy recorder = recorder(new int[] {0, 1});
    recorder.startExecution(0);

    recorder.onSpin(1);
    recorder.pickThread(T01, 2, 1); // 1 spun: switching to 0 is free
    recorder.onSpin(1);
    recorder.pickThread(new int[] {0}, 1, 0); // the hint is for the next decision only
    recorder.pickThread(T01, 2, 0); // 0 -> 1: preemption

    assertThat(recorder.recordedRunningBefore()).containsExactly(-1, 0);
    assertThat(recorder.recordedPreemptions()).isEqualTo(1);
  }

  @Test
  void startsAfreshForEachExecution() {
    RecordingStrategy recorder = recorder(new int[] {1});
    recorder.startExecution(0);
    recorder.pickThread(T01, 2, 0);
    recorder.startExecution(1);

    assertThat(recorder.recordedSchedule().length()).isZero();
    assertThat(recorder.recordedRunningBefore()).isEmpty();
    assertThat(recorder.recordedPreemptions()).isZero();
    assertThat(recorder.recordedSteps()).isZero();
  }

  @Test
  void growsForLongExecutions() {
    RecordingStrategy recorder = new RecordingStrategy(new RandomWalkStrategy(3), 3);
    Sim.Program program = Programs.independent(2, 3_000);

    Sim.Outcome outcome = program.run(recorder);

    assertThat(recorder.recordedSteps()).isEqualTo(6_000);
    // Decisions had two options until one of the threads finished.
    int[] done = new int[2];
    int twoOptions = 0;
    for (int t : outcome.trace) {
      if (done[0] < 3_000 && done[1] < 3_000) twoOptions++;
      done[t]++;
    }
    assertThat(recorder.recordedSchedule().choices())
        .isEqualTo(Arrays.copyOf(outcome.trace, twoOptions));
    assertThat(recorder.recordedRunningBefore()).hasSize(twoOptions);
  }

  private static RecordingStrategy recorder(int[] choices) {
    return new RecordingStrategy(new ReplayStrategy(new Schedule(42, choices), false), 42);
  }
}
