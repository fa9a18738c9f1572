package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** All randomness comes from the seed: what a user's seed and replay token rely on. */
class StrategyDeterminismTest {
  private static final Sim.Program PROGRAM = Programs.lockedCounter(3, 4);

  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of("random walk", (LongFunction<SchedulingStrategy>) RandomWalkStrategy::new),
        Arguments.of("pct", (LongFunction<SchedulingStrategy>) s -> new PctStrategy(s, 3)),
        Arguments.of("pos", (LongFunction<SchedulingStrategy>) PosStrategy::new));
  }

  /**
   * Adaptive PCT repeats itself by design: one execution in four runs at depth 1, where a program
   * of three threads has only 3! schedules.
   */
  static Stream<Arguments> allStrategies() {
    return Stream.concat(strategies(), Stream.of(
        Arguments.of("pct, adaptive", (LongFunction<SchedulingStrategy>) PctStrategy::new)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allStrategies")
  void theSameSeedGivesTheSameExploration(String name, LongFunction<SchedulingStrategy> factory) {
    for (long seed : new long[] {0, 1, -1, Long.MIN_VALUE, 987654321L}) {
      List<String> first = explore(factory.apply(seed), seed, 30);
      List<String> second = explore(factory.apply(seed), seed, 30);

      assertThat(second).isEqualTo(first);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void differentSeedsGiveDifferentExecutions(String name,
      LongFunction<SchedulingStrategy> factory) {
    Set<String> firstExecutions = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      firstExecutions.add(explore(factory.apply(seed), seed, 1).get(0));
    }

    assertThat(firstExecutions).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void executionsOfOneExplorationDiffer(String name, LongFunction<SchedulingStrategy> factory) {
    // On average over seeds: one seed's count varies by a few either way.
    int distinct = 0;
    for (long seed = 0; seed < 10; seed++) {
      distinct += new HashSet<>(explore(factory.apply(seed), seed, 20)).size();
    }

    assertThat(distinct / 10.0).isGreaterThanOrEqualTo(15);
  }

  /** Traces and recorded decisions of {@code executions} executions, one string each. */
  private static List<String> explore(SchedulingStrategy strategy, long seed, int executions) {
    RecordingStrategy recorder = new RecordingStrategy(strategy, seed);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < executions; i++) {
      Sim.Outcome outcome = PROGRAM.run(recorder, i, Sim.Program.DEFAULT_MAX_STEPS);
      assertThat(outcome.deadlock || outcome.stepLimit).isFalse();
      result.add(Arrays.toString(outcome.trace) + recorder.recordedSchedule());
    }
    return result;
  }
}
