package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;

/**
 * Finds a failure and replays it, for programs whose shrunk schedule is not the point of the
 * test: summaries are compared without the identity hash codes that name objects.
 */
final class Found {
  private Found() {}

  static Failure andReplayed(Failure.Kind kind, Options options, Weft.Body body) {
    Result result = Weft.explore(options, body);
    assertThat(result.failed()).as("expected %s, got: %s", kind, result.report()).isTrue();
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(kind);
    Result replayed = Weft.replay(options, failure.replayToken(), body);
    assertThat(replayed.failed()).as("replay of %s", failure.replayToken()).isTrue();
    Failure again = replayed.failure().orElseThrow();
    assertThat(again.kind()).isEqualTo(kind);
    assertThat(withoutHashes(again.summary())).isEqualTo(withoutHashes(failure.summary()));
    return failure;
  }

  private static String withoutHashes(String summary) {
    return summary.replaceAll("@[0-9a-f]+", "@").replaceAll("Thread-[0-9]+", "Thread-");
  }
}
