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
        Arguments.of("pct", (LongFunction<SchedulingStrategy>) s -> new PctStrategy(s, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
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
    List<String> executions = explore(factory.apply(5), 5, 20);

    assertThat(new HashSet<>(executions)).hasSizeGreaterThanOrEqualTo(15);
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
