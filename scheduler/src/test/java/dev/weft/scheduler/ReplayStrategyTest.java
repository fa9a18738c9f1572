package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayStrategyTest {
  private static final List<Sim.Program> PROGRAMS = List.of(Programs.lockedCounter(3, 3),
      Programs.lostUpdate(3, 2), Programs.choosing(3, 4), Programs.spinWait(6));

  @Test
  void strictReplayReproducesARecordedRunExactly() {
    for (Sim.Program program : PROGRAMS) {
      for (int i = 0; i < 50; i++) {
        RecordingStrategy original = new RecordingStrategy(new RandomWalkStrategy(i), i);
        Sim.Outcome recorded = program.run(original, i, 1_000);
        Schedule schedule = original.recordedSchedule();

        ReplayStrategy replay = new ReplayStrategy(schedule, false);
        RecordingStrategy again = new RecordingStrategy(replay, schedule.seed());
        Sim.Outcome replayed = program.run(again, 0, 1_000);

        assertThat(replayed.trace).isEqualTo(recorded.trace);
        assertThat(replayed.state.vars).isEqualTo(recorded.state.vars);
        assertThat(replayed.failed).isEqualTo(recorded.failed);
        assertThat(again.recordedSchedule()).isEqualTo(schedule);
        assertThat(again.recordedRunningBefore()).isEqualTo(original.recordedRunningBefore());
        assertThat(replay.deviations()).isZero();
      }
    }
  }

  @Test
  void strictReplayCanBeRepeated() {
    Schedule schedule = record(Programs.choosing(2, 3), 9);
    ReplayStrategy replay = new ReplayStrategy(schedule, false);
    Sim.Program program = Programs.choosing(2, 3);

    Sim.Outcome first = program.run(replay, 0, 1_000);
    Sim.Outcome second = program.run(replay, 1, 1_000);

    assertThat(second.trace).isEqualTo(first.trace);
    assertThat(second.state.vars).isEqualTo(first.state.vars);
  }

  @Test
  void strictReplayNamesTheStepWhereAThreadChoiceCannotBeFollowed() {
    Sim.Program program = Programs.lostUpdate(2, 3);
    int[] choices = record(program, 4).choices();
    choices[3] = 7;
    ReplayStrategy replay = new ReplayStrategy(new Schedule(4, choices), false);

    assertThatThrownBy(() -> program.run(replay))
        .isInstanceOf(ReplayDivergedException.class)
        .hasMessageStartingWith("replay diverged at step 3: the schedule runs T7 but only ")
        .hasMessageContaining("Run the exploration again")
        .satisfies(e -> assertThat(((ReplayDivergedException) e).step()).isEqualTo(3));
  }

  @Test
  void strictReplayRejectsAChoiceOfABlockedThread() {
    // T0 takes the lock; then the schedule asks for T1, which waits for it.
    Sim.Step acquire = Sim.blockUntil(s -> s.vars[0] == 0, (s, me) -> s.vars[0] = 1);
    Sim.Step release = Sim.run((s, me) -> s.vars[0] = 0);
    Sim.Program program = Sim.program(1)
        .thread(acquire, Sim.local(), release)
        .thread(acquire, Sim.local(), release)
        .thread(Sim.local(), Sim.local())
        .build();
    ReplayStrategy replay = new ReplayStrategy(new Schedule(0, new int[] {0, 1, 0}), false);

    assertThatThrownBy(() -> program.run(replay))
        .isInstanceOf(ReplayDivergedException.class)
        .hasMessageContaining("at step 1: the schedule runs T1 but only T0 and T2 can run")
        .satisfies(e -> assertThat(((ReplayDivergedException) e).step()).isEqualTo(1));
  }

  @Test
  void strictReplayNamesTheStepWhereTheScheduleRunsOut() {
    Sim.Program program = Programs.lostUpdate(2, 3);
    Schedule full = record(program, 2);
    Schedule cut = full.withChoices(Arrays.copyOf(full.choices(), 5));

    assertThatThrownBy(() -> program.run(new ReplayStrategy(cut, false)))
        .isInstanceOf(ReplayDivergedException.class)
        .hasMessageContaining("at step 5: the schedule ended (5 choices) but threads T0 and T1")
        .satisfies(e -> assertThat(((ReplayDivergedException) e).step()).isEqualTo(5));
  }

  @Test
  void strictReplayRejectsAnIntChoiceOutOfRange() {
    ReplayStrategy replay = new ReplayStrategy(new Schedule(0, new int[] {1, 4}), false);
    replay.startExecution(0);
    assertThat(replay.pickInt(5)).isEqualTo(1);

    assertThatThrownBy(() -> replay.pickInt(3))
        .isInstanceOf(ReplayDivergedException.class)
        .hasMessageContaining("at step 1: the schedule picks option 4 of only 3");
    assertThatThrownBy(() -> replay.pickInt(3))
        .isInstanceOf(ReplayDivergedException.class)
        .hasMessageContaining("at step 2: the schedule ended (2 choices)");
  }

  @Test
  void singleOptionDecisionsConsumeNoChoice() {
    ReplayStrategy replay = new ReplayStrategy(new Schedule(0, new int[] {2}), false);
    replay.startExecution(0);

    assertThat(replay.pickThread(new int[] {5}, 1, 5)).isEqualTo(5);
    assertThat(replay.pickInt(1)).isZero();
    assertThat(replay.pickThread(new int[] {1, 2}, 2, 1)).isEqualTo(2);
  }

  @Test
  void lenientReplayFallsBackToTheRunningThreadOrTheLowestEnabledOne() {
    ReplayStrategy replay = new ReplayStrategy(new Schedule(0, new int[] {9, 9, 2, 7}), true);
    replay.startExecution(0);
    int[] enabled = {1, 2, 3};

    assertThat(replay.pickThread(enabled, 3, 3)).as("misfit, T3 can go on").isEqualTo(3);
    assertThat(replay.pickThread(enabled, 3, -1)).as("misfit, nobody running").isEqualTo(1);
    assertThat(replay.pickThread(enabled, 3, 3)).as("fits").isEqualTo(2);
    assertThat(replay.pickInt(4)).as("option out of range").isZero();
    assertThat(replay.deviations()).isEqualTo(3);
    assertThat(replay.pickThread(enabled, 3, 2)).as("choices used up").isEqualTo(2);
    assertThat(replay.pickThread(enabled, 3, -1)).as("used up, nobody running").isEqualTo(1);
    assertThat(replay.pickInt(4)).isZero();
    assertThat(replay.deviations()).as("running out is not a deviation").isEqualTo(3);
  }

  @Test
  void lenientReplayHandsOverFromASpinningThreadToTheNextOne() {
    ReplayStrategy replay = new ReplayStrategy(new Schedule(0, new int[] {9}), true);
    replay.startExecution(0);

    replay.onSpin(2);
    assertThat(replay.pickThread(new int[] {0, 1, 2, 3}, 4, 2)).as("misfit").isEqualTo(3);
    replay.onSpin(3);
    assertThat(replay.pickThread(new int[] {0, 1, 3}, 3, 3)).as("wraps around").isEqualTo(0);
    assertThat(replay.pickThread(new int[] {0, 1, 3}, 3, 0)).as("no spin, no switch")
        .isEqualTo(0);
  }

  @Test
  void lenientReplayDoesNotLivelockOnASpinLoop() {
    Sim.Program program = Programs.spinWait(5);
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(new Schedule(1, new int[0]), true), 1);

    Sim.Outcome outcome = program.run(recorder);

    // T0 checks once, hands over; T1 runs its 6 steps; T0 checks again and ends.
    assertThat(outcome.trace).containsExactly(0, 1, 1, 1, 1, 1, 1, 0, 0);
    assertThat(recorder.recordedPreemptions()).isZero();
  }

  @Test
  void lenientReplayOfNothingRunsThreadsOneAfterTheOtherLowestFirst() {
    Sim.Program program = Programs.independent(3, 4);
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(new Schedule(1, new int[0]), true), 1);

    Sim.Outcome outcome = program.run(recorder);

    assertThat(outcome.trace).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    assertThat(recorder.recordedPreemptions()).isZero();
  }

  @Test
  void lenientReplayOfAPrefixFollowsItThenContinuesTheRunningThread() {
    Sim.Program program = Programs.independent(2, 4);
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(new Schedule(1, new int[] {1, 0}), true), 1);

    Sim.Outcome outcome = program.run(recorder);

    assertThat(outcome.trace).containsExactly(1, 0, 0, 0, 0, 1, 1, 1);
    assertThat(recorder.recordedSchedule().choices()).containsExactly(1, 0, 0, 0, 0);
    assertThat(recorder.recordedPreemptions()).isEqualTo(1);
  }

  private static Schedule record(Sim.Program program, long seed) {
    RecordingStrategy recorder = new RecordingStrategy(new RandomWalkStrategy(seed), seed);
    program.run(recorder);
    return recorder.recordedSchedule();
  }
}
