package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;

/** Assertions shared by the primitive tests: a bug is found and replays; a correct program passes. */
final class Probe {
  private Probe() {}

  static final long SEED = 20261122L;

  static Options options(int iterations) {
    return Options.defaults().iterations(iterations).seed(SEED).timeLimit(Duration.ofMinutes(1));
  }

  /** Explores the buggy body, expects {@code kind}, and checks that the token replays it. */
  static Failure assertFinds(Failure.Kind kind, Weft.Body body) {
    return assertFinds(kind, options(2000), body);
  }

  static Failure assertFinds(Failure.Kind kind, Options options, Weft.Body body) {
    Failure failure = findAndCheckReport(kind, options, body);
    Result replayed = Weft.replay(options, failure.replayToken(), body);
    assertThat(replayed.failed()).as("replay of %s", failure.replayToken()).isTrue();
    Failure again = replayed.failure().orElseThrow();
    assertThat(again.kind()).isEqualTo(kind);
    assertThat(again.summary()).isEqualTo(failure.summary());
    return failure;
  }

  /** Explores until the expected failure; its report must be shrunk and traced. */
  private static Failure findAndCheckReport(Failure.Kind kind, Options options, Weft.Body body) {
    Result result = Weft.explore(options, body);
    assertThat(result.failed()).as("expected %s, got: %s", kind, result.report()).isTrue();
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(kind);
    assertThat(result.report())
        .contains("Reproduce with: Weft.replay(\"" + failure.replayToken() + "\", body)");
    ShrinkChecks.assertShrunkAndTraced(result);
    return failure;
  }

  /** Explores the correct body with every strategy and expects no failure. */
  static void assertPasses(int iterations, Weft.Body body) {
    for (Strategy strategy : Strategy.values()) {
      Result result = Weft.explore(options(iterations).strategy(strategy), body);
      assertThat(result.failed()).as("%s: %s", strategy, result.report()).isFalse();
      // A search that ends before the iterations must have explored its whole space.
      if (result.executions() < iterations) {
        assertThat(result.exhausted()).as("%s ended early: %s", strategy, result.report())
            .isTrue();
      } else {
        assertThat(result.executions()).isEqualTo(iterations);
      }
    }
  }
}
