package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FailingRunTest {
  private static final int INT = RecordingStrategy.NOT_A_THREAD_DECISION;

  @Test
  void countsSwitchesAwayFromAThreadThatCouldGoOn() {
    FailingRun run = new FailingRun(new Schedule(1, new int[] {0, 1, 1, 2, 0, 0}),
        new int[] {-1, 0, 1, INT, -1, 1}, 9);

    assertThat(run.preemptions()).isEqualTo(2);
    assertThat(run.preemptionIndices()).containsExactly(1, 5);
    assertThat(run.steps()).isEqualTo(9);
  }

  @Test
  void agreesWithTheRecorder() {
    Sim.Program program = Programs.lockedCounter(3, 3);
    RecordingStrategy recorder = new RecordingStrategy(new RandomWalkStrategy(6), 6);
    for (int i = 0; i < 20; i++) {
      program.run(recorder, i, 1_000);

      FailingRun run = FailingRun.recordedBy(recorder);

      assertThat(run.preemptions()).isEqualTo(recorder.recordedPreemptions());
      assertThat(run.steps()).isEqualTo(recorder.recordedSteps());
      assertThat(run.schedule()).isEqualTo(recorder.recordedSchedule());
      assertThat(run.runningBefore()).isEqualTo(recorder.recordedRunningBefore());
    }
  }

  @Test
  void rejectsInconsistentInput() {
    Schedule schedule = new Schedule(1, new int[] {0, 1});

    assertThatThrownBy(() -> new FailingRun(schedule, new int[] {-1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 for 2 choices");
    assertThatThrownBy(() -> new FailingRun(schedule, new int[] {-1, 0}, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isImmutable() {
    int[] running = {-1, 0};
    FailingRun run = new FailingRun(new Schedule(1, new int[] {0, 1}), running, 2);
    running[1] = 1;
    run.runningBefore()[1] = 1;

    assertThat(run.preemptions()).isEqualTo(1);
    assertThat(run.runningBefore()).containsExactly(-1, 0);
  }

  @Test
  void simplerMeansFewerPreemptionsThenFewerStepsThenFewerChoices() {
    FailingRun onePreemption = run(new int[] {0, 1}, new int[] {-1, 0}, 50);
    FailingRun noPreemption = run(new int[] {0, 0}, new int[] {-1, 0}, 90);
    FailingRun fewerSteps = run(new int[] {0, 0}, new int[] {-1, 0}, 80);
    FailingRun fewerChoices = run(new int[] {0}, new int[] {-1}, 80);

    assertThat(noPreemption.isSimplerThan(onePreemption)).isTrue();
    assertThat(onePreemption.isSimplerThan(noPreemption)).isFalse();
    assertThat(fewerSteps.isSimplerThan(noPreemption)).isTrue();
    assertThat(fewerChoices.isSimplerThan(fewerSteps)).isTrue();
    assertThat(fewerChoices.isSimplerThan(fewerChoices)).isFalse();
  }

  @Test
  void equalityCoversEverything() {
    FailingRun a = run(new int[] {0, 1}, new int[] {-1, 0}, 5);

    assertThat(a).isEqualTo(run(new int[] {0, 1}, new int[] {-1, 0}, 5))
        .hasSameHashCodeAs(run(new int[] {0, 1}, new int[] {-1, 0}, 5));
    assertThat(a).isNotEqualTo(run(new int[] {0, 1}, new int[] {-1, -1}, 5));
    assertThat(a).isNotEqualTo(run(new int[] {0, 1}, new int[] {-1, 0}, 6));
    assertThat(a.toString()).contains("preemptions=1", "steps=5");
  }

  private static FailingRun run(int[] choices, int[] runningBefore, int steps) {
    return new FailingRun(new Schedule(0, choices), runningBefore, steps);
  }
}
