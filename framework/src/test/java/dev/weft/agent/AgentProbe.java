package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;

/** Explorations of the agent tests: the bug is found with its kind, the correct program passes. */
final class AgentProbe {
  private AgentProbe() {}

  static Options options(int iterations) {
    return Options.defaults().iterations(iterations).seed(20261201L)
        .timeLimit(Duration.ofMinutes(1)).stallTimeout(Duration.ofSeconds(5));
  }

  /** Explores {@code body}, expects a failure of {@code kind}, and returns the report. */
  static Result assertFinds(Failure.Kind kind, Weft.Body body) {
    Result result = Weft.explore(options(500), body);
    assertThat(result.failed()).as("expected %s, got: %s", kind, result.report()).isTrue();
    assertThat(result.failure().orElseThrow().kind()).as(result.report()).isEqualTo(kind);
    Result replayed = Weft.replay(options(1), result.failure().orElseThrow().replayToken(), body);
    assertThat(replayed.failure().map(Failure::kind)).as(replayed.report()).contains(kind);
    return result;
  }

  /** Explores {@code body} with every strategy and expects every execution to pass. */
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
