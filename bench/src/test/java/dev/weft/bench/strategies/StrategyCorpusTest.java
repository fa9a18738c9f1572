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
 *
 * <p>An execution of a hundred-thread program takes tens of milliseconds, and no single strategy
 * finds both of their bugs within a few hundred (the benchmark's table shows which does in its
 * larger budget): finding them is the benchmark's to show; here only their correct twins run,
 * briefly.
 */
class StrategyCorpusTest {
  private static final int ITERATIONS = 300;

  static Stream<BugProgram> programs() {
    return StrategyCorpus.all().stream();
  }

  /** The programs of at most ten threads, which every strategy may try for the whole budget. */
  static Stream<BugProgram> programsOfFewThreads() {
    return programs().filter(p -> !isHundredThreads(p));
  }

  /** The twins whose whole space a systematic search with the default bound explores quickly. */
  static Stream<BugProgram> smallPrograms() {
    return programs().filter(p -> !p.name().endsWith("-10") && !isHundredThreads(p));
  }

  private static boolean isHundredThreads(BugProgram program) {
    return program.name().endsWith("-100");
  }

  private static Options budget(Strategy strategy) {
    return Options.defaults().strategy(strategy).seed(1).iterations(ITERATIONS)
        .timeLimit(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programsOfFewThreads")
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
    int iterations = isHundredThreads(program) ? 30 : 200;
    for (Strategy strategy : List.of(Strategy.PCT, Strategy.POS, Strategy.RANDOM)) {
      Result result = Weft.explore(budget(strategy).iterations(iterations), program.correct());
      assertThat(result.failed()).as("%s: %s", strategy, result.report()).isFalse();
      assertThat(result.executions()).as("%s executions", strategy).isEqualTo(iterations);
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
