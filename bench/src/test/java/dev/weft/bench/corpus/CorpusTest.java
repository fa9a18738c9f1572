package dev.weft.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import dev.weft.internal.agent.UncontrolledClasses;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each corpus program under Weft: the buggy one is found with the right kind, the fixed one
 * passes, and no class of the old libraries was left uncontrolled. The plain-loop comparison and
 * timings are the benchmark's ({@link CorpusBenchmark}), not a test's.
 */
class CorpusTest {

  static Stream<CorpusProgram> programs() {
    return Corpus.all().stream();
  }

  /**
   * Under each strategy Weft reports the program's bug or nothing, never another failure; some
   * strategy finds every bug, and a fixed program passes under all of them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void weftFindsTheBugOrPassesAndNeverReportsAnotherFailure(CorpusProgram program) {
    boolean found = false;
    for (Strategy strategy : Strategy.values()) {
      Result result = Weft.explore(CorpusBenchmark.options().iterations(200).strategy(strategy),
          program.body()::run);
      Failure.Kind kind = result.failure().map(Failure::kind).orElse(null);
      if (program.expected() == null) {
        assertThat(kind).as("%s: %s", strategy, result.report()).isNull();
      } else {
        assertThat(kind).as("%s: %s", strategy, result.report()).isIn(program.expected(), null);
        found |= kind != null;
      }
    }
    assertThat(found || program.expected() == null).as("some strategy finds the bug").isTrue();
    assertThat(UncontrolledClasses.all()).as("classes Weft could not instrument").isEmpty();
  }
}
