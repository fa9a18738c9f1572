package dev.weft.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.linearizability.NotLinearizableError;
import dev.weft.internal.linearizability.Violation;

/** Explorations with a fixed seed, and what their failures carry. */
final class Explore {
  private Explore() {}

  static final long SEED = 20261201L;
  /** "Found within a few hundred executions", and "never reported in hundreds". */
  static final int EXECUTIONS = 300;

  static Options options() {
    return Options.defaults().seed(SEED).iterations(EXECUTIONS);
  }

  /** Explores {@code body} and asserts that it fails with {@code kind}; returns the failure. */
  static Result expectFailure(Failure.Kind kind, Weft.Body body) {
    return expectFailure(options(), kind, body);
  }

  static Result expectFailure(Options options, Failure.Kind kind, Weft.Body body) {
    Result result = Weft.explore(options, body);
    assertThat(result.failed()).as("no failure in %s executions", result.executions()).isTrue();
    assertThat(result.failure().orElseThrow().kind()).as(result.report()).isEqualTo(kind);
    return result;
  }

  /** Explores {@code body} for all {@link #EXECUTIONS} and asserts that none failed. */
  static void expectNoFailure(Weft.Body body) {
    Result result = Weft.explore(options(), body);
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(EXECUTIONS);
  }

  /** The history and explanation a NOT_LINEARIZABLE failure carries. */
  static Violation violation(Result result) {
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.cause()).containsInstanceOf(NotLinearizableError.class);
    return ((NotLinearizableError) failure.cause().orElseThrow()).violation();
  }
}
