package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleShrinkerTest {
  private static final int MAX_STEPS = SimOracle.MAX_STEPS;

  static Stream<Arguments> bugsAndTheirMinimalPreemptions() {
    return Stream.of(
        Arguments.of("lost update, 2 threads", Programs.lostUpdate(2, 5), 8, 1),
        Arguments.of("lost update, 3 threads", Programs.lostUpdate(3, 3), 10, 1),
        Arguments.of("lost update, long", Programs.lostUpdate(2, 100), 100, 1),
        // Two is the minimum: the reader must see x between the two writes and after them.
        Arguments.of("atomicity violation", Programs.betweenWrites(4), 4, 2),
        Arguments.of("atomicity violation, long", Programs.betweenWrites(40), 30, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bugsAndTheirMinimalPreemptions")
  void shrinksRandomWalkFailuresToTheFewestPreemptionsPossible(String name, Sim.Program program,
      int manyPreemptions, int fewestPossible) {
    for (long seed = 0; seed < 8; seed++) {
      FailingRun failing = findFailure(program, seed, manyPreemptions);
      SimOracle oracle = new SimOracle(program, o -> o.failed);

      ShrinkResult result = new ScheduleShrinker().shrink(failing, oracle);

      assertThat(result.originalPreemptions()).isEqualTo(failing.preemptions())
          .isGreaterThanOrEqualTo(manyPreemptions);
      assertThat(result.originalSteps()).isEqualTo(failing.steps());
      assertThat(result.preemptions()).as("seed %d: %s", seed, result).isEqualTo(fewestPossible);
      assertThat(result.improved()).isTrue();
      assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.FIXPOINT);
      assertThat(result.reExecutions()).isEqualTo(oracle.calls).isLessThanOrEqualTo(400);
      assertReplaysStrictlyToTheFailure(program, result);
    }
  }

  @Test
  void removesSpinningAndPreemptionsWhenTheFailureDoesNotDependOnThem() {
    // Every run of this program fails: the simplest one has no preemption and no wasted spin.
    Sim.Program program = Programs.spinWait(6);
    FailingRun failing = findFailure(program, o -> !o.stepLimit, 3, 3);
    assertThat(failing.steps()).isGreaterThan(10);

    ShrinkResult result =
        new ScheduleShrinker().shrink(failing, new SimOracle(program, o -> !o.stepLimit));

    assertThat(result.preemptions()).isZero();
    // T1's 7 steps, then T0's check and last step: the spinner never has to wait.
    assertThat(result.steps()).isEqualTo(9);
    assertThat(result.originalSteps()).isEqualTo(failing.steps());
  }

  @Test
  void keepsAScheduleThatOnlyFailsExactlyAsItIs() {
    Sim.Program program = Programs.lostUpdate(2, 3);
    FailingRun failing = findFailure(program, 1, 4);
    int[] trace = program.run(new ReplayStrategy(failing.schedule(), false)).trace;
    SimOracle oracle =
        new SimOracle(program, o -> Arrays.equals(o.trace, trace));

    ShrinkResult result = new ScheduleShrinker().shrink(failing, oracle);

    assertThat(result.improved()).isFalse();
    assertThat(result.shrunk()).isSameAs(failing);
    assertThat(result.schedule()).isEqualTo(failing.schedule());
    assertThat(result.preemptions()).isEqualTo(failing.preemptions());
    assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.FIXPOINT);
    assertThat(oracle.calls).isPositive();
    assertReplaysStrictlyToTheFailure(program, result);
  }

  @Test
  void staysWithinTheMaximumNumberOfReExecutions() {
    Sim.Program program = Programs.lostUpdate(2, 5);
    FailingRun failing = findFailure(program, 2, 8);
    for (int maxRuns : new int[] {0, 1, 5, 17}) {
      SimOracle oracle = new SimOracle(program, o -> o.failed);

      ShrinkResult result = new ScheduleShrinker(maxRuns, Duration.ofMinutes(1))
          .shrink(failing, oracle);

      assertThat(oracle.calls).isEqualTo(maxRuns);
      assertThat(result.reExecutions()).isEqualTo(maxRuns);
      assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.RUN_LIMIT);
      assertThat(result.preemptions()).isLessThanOrEqualTo(failing.preemptions());
      assertReplaysStrictlyToTheFailure(program, result);
    }
  }

  @Test
  void staysWithinTheMaximumDurationAndKeepsTheBestSoFar() {
    Sim.Program program = Programs.lostUpdate(2, 5);
    FailingRun failing = findFailure(program, 2, 8);
    AtomicLong nanos = new AtomicLong();
    SimOracle slow = new SimOracle(program, o -> o.failed) {
      @Override
      public Optional<FailingRun> rerun(Schedule candidate) {
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        return super.rerun(candidate);
      }
    };

    ShrinkResult result =
        new ScheduleShrinker(400, Duration.ofSeconds(1), nanos::get).shrink(failing, slow);

    assertThat(slow.calls).isEqualTo(10);
    assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.TIME_LIMIT);
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(result.improved()).isTrue();
    assertThat(result.preemptions()).isLessThan(failing.preemptions());
    assertReplaysStrictlyToTheFailure(program, result);
  }

  @Test
  void aZeroDurationRunsNothing() {
    Sim.Program program = Programs.lostUpdate(2, 2);
    FailingRun failing = findFailure(program, 0, 1);
    SimOracle oracle = new SimOracle(program, o -> o.failed);

    ShrinkResult result = new ScheduleShrinker(400, Duration.ZERO).shrink(failing, oracle);

    assertThat(oracle.calls).isZero();
    assertThat(result.shrunk()).isSameAs(failing);
    assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.TIME_LIMIT);
  }

  @Test
  void aRunWithoutChoicesIsAlreadyMinimal() {
    Sim.Program program = Programs.independent(1, 5);
    FailingRun failing = SimOracle.exactRun(program, o -> true);
    SimOracle oracle = new SimOracle(program, o -> true);

    ShrinkResult result = new ScheduleShrinker().shrink(failing, oracle);

    assertThat(oracle.calls).isZero();
    assertThat(result.shrunk()).isSameAs(failing);
    assertThat(result.stop()).isEqualTo(ShrinkResult.Stop.FIXPOINT);
  }

  @Test
  void isDeterministic() {
    Sim.Program program = Programs.betweenWrites(3);
    FailingRun failing = findFailure(program, 5, 6);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SimOracle oracle = new SimOracle(program, o -> o.failed);
      ShrinkResult result = new ScheduleShrinker().shrink(failing, oracle);
      outcomes.add(result.schedule() + " " + result.reExecutions() + " " + oracle.candidates);
    }
    assertThat(outcomes).containsOnly(outcomes.get(0));
  }

  @Test
  void neverReturnsSomethingWorseAndAlwaysSomethingThatReplaysStrictly() {
    List<Sim.Program> programs = List.of(Programs.lostUpdate(2, 4), Programs.lostUpdate(3, 2),
        Programs.betweenWrites(2), Programs.lockedCounter(3, 2), Programs.choosing(3, 3));
    List<Predicate<Sim.Outcome>> failures = List.of(o -> o.failed, o -> o.failed,
        o -> o.failed, o -> o.state.vars[1] == 6, o -> o.state.vars[0] % 5 == 1);
    int shrunk = 0;
    for (int p = 0; p < programs.size(); p++) {
      Sim.Program program = programs.get(p);
      Predicate<Sim.Outcome> failure = failures.get(p);
      for (long seed = 0; seed < 6; seed++) {
        FailingRun failing = findFailure(program, failure, seed, 0);

        ShrinkResult result =
            new ScheduleShrinker().shrink(failing, new SimOracle(program, failure));

        FailingRun best = result.shrunk();
        assertThat(best == failing || best.isSimplerThan(failing)).isTrue();
        assertThat(result.reExecutions()).isLessThanOrEqualTo(400);
        Sim.Outcome replayed = replayStrictly(program, result.schedule());
        assertThat(failure.test(replayed)).as("program %d seed %d", p, seed).isTrue();
        if (result.improved()) shrunk++;
      }
    }
    assertThat(shrunk).isGreaterThan(20);
  }

  @Test
  void rejectsNegativeLimits() {
    assertThatThrownBy(() -> new ScheduleShrinker(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduleShrinker(1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultDescribesWhatWasGained() {
    Sim.Program program = Programs.lostUpdate(2, 5);
    FailingRun failing = findFailure(program, 4, 8);

    ShrinkResult result =
        new ScheduleShrinker().shrink(failing, new SimOracle(program, o -> o.failed));

    assertThat(result.toString()).startsWith("shrunk from " + failing.preemptions()
        + " preemptions in " + failing.steps() + " steps to 1 in " + result.steps() + " (")
        .contains(result.reExecutions() + " re-executions").endsWith("FIXPOINT)");
  }

  private static void assertReplaysStrictlyToTheFailure(Sim.Program program,
      ShrinkResult result) {
    Schedule schedule = ReplayToken.decode(ReplayToken.encode(result.schedule()));
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, false), schedule.seed());
    Sim.Outcome outcome = program.run(recorder, 0, MAX_STEPS);

    assertThat(outcome.failed).as("strict replay of %s fails", schedule).isTrue();
    assertThat(FailingRun.recordedBy(recorder)).isEqualTo(result.shrunk());
  }

  private static Sim.Outcome replayStrictly(Sim.Program program, Schedule schedule) {
    return program.run(new ReplayStrategy(schedule, false), 0, MAX_STEPS);
  }

  private static FailingRun findFailure(Sim.Program program, long seed, int minPreemptions) {
    return findFailure(program, o -> o.failed, seed, minPreemptions);
  }

  /** The first random-walk execution that fails with at least {@code minPreemptions}. */
  private static FailingRun findFailure(Sim.Program program, Predicate<Sim.Outcome> failure,
      long seed, int minPreemptions) {
    RecordingStrategy recorder = new RecordingStrategy(new RandomWalkStrategy(seed), seed);
    for (int i = 0; i < 100_000; i++) {
      Sim.Outcome outcome = program.run(recorder, i, MAX_STEPS);
      if (failure.test(outcome) && recorder.recordedPreemptions() >= minPreemptions) {
        return FailingRun.recordedBy(recorder);
      }
    }
    throw new AssertionError("no failure with " + minPreemptions + " preemptions");
  }
}
