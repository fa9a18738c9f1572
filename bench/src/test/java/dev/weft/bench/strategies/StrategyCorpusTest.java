package dev.weft.bench.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strategy corpus is what it claims: every bug is found, with its kind, by some strategy
 * within a small budget; every correct twin passes, and where the systematic search can explore
 * the whole space it does so without a failure; the preemption programs need exactly the
 * preemptions their names say. Speed is the benchmark's ({@link StrategyBenchmark}), not this.
 */
class StrategyCorpusTest {
  private static final int ITERATIONS = 500;

  static Stream<BugProgram> programs() {
    return StrategyCorpus.all().stream();
  }

  /** The twins whose whole space a systematic search with the default bound explores quickly. */
  static Stream<BugProgram> smallPrograms() {
    return programs().filter(p -> !p.name().endsWith("-10") && !p.name().endsWith("-100"));
  }

  private static Options budget(Strategy strategy) {
    return Options.defaults().strategy(strategy).seed(1).iterations(ITERATIONS)
        .timeLimit(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void someStrategyFindsTheBugAndNoneReportsAnotherFailure(BugProgram program) {
    List<Strategy> finders = new ArrayList<>();
    for (Strategy strategy : Strategy.values()) {
      Result result = Weft.explore(budget(strategy), program.buggy());
      Failure.Kind kind = result.failure().map(Failure::kind).orElse(null);
      assertThat(kind).as("%s: %s", strategy, result.report()).isIn(program.expected(), null);
      if (kind != null) finders.add(strategy);
    }
    assertThat(finders).as("strategies that found the bug within %d executions", ITERATIONS)
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void theCorrectTwinPassesUnderEverySampler(BugProgram program) {
    for (Strategy strategy : List.of(Strategy.PCT, Strategy.POS, Strategy.RANDOM)) {
      Result result = Weft.explore(budget(strategy).iterations(200), program.correct());
      assertThat(result.failed()).as("%s: %s", strategy, result.report()).isFalse();
      assertThat(result.executions()).as("%s executions", strategy).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallPrograms")
  void theSystematicSearchExhaustsTheCorrectTwinWithoutAFailure(BugProgram program) {
    Result result = Weft.explore(budget(Strategy.SYSTEMATIC).iterations(10_000),
        program.correct());
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.exhausted()).as(result.report()).isTrue();
  }

  @ParameterizedTest(name = "preemptions-{0}")
  @ValueSource(ints = {1, 2, 3})
  void aPreemptionProgramIsFoundWithItsBoundAndNotWithOneLess(int preemptions) {
    BugProgram program = PreemptionPrograms.needing(preemptions);
    Result below = Weft.explore(
        budget(Strategy.SYSTEMATIC).iterations(10_000).preemptionBound(preemptions - 1),
        program.buggy());
    assertThat(below.failed()).as(below.report()).isFalse();
    assertThat(below.exhausted()).as(below.report()).isTrue();
    Result at = Weft.explore(
        budget(Strategy.SYSTEMATIC).iterations(10_000).preemptionBound(preemptions),
        program.buggy());
    assertThat(at.failure().map(Failure::kind)).as(at.report()).contains(program.expected());
  }
}
