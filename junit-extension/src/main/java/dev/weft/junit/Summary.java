package dev.weft.junit;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.junit.FailureMessages.Source;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The one line a {@link RaceTest} says about what it explored, whatever the outcome, so that a
 * green test that explored 1000 executions can be told from one that explored 3:
 * {@code 1000 executions in 2.1 s, POS seed 42, no failure}. An exploration that stopped before
 * its iterations says {@code 312 of 1000 executions}, and why when the time limit ended it.
 */
final class Summary {
  private Summary() {}

  static String line(Result result, Source source, RaceSettings settings) {
    Options options = settings.options();
    boolean early = source == Source.EXPLORED && !result.failed()
        && result.executions() < options.iterations();
    String executions = early
        ? result.executions() + " of " + FailureMessages.executions(options.iterations())
        : FailureMessages.executions(result.executions());
    boolean outOfTime = early && result.elapsed().compareTo(options.timeLimit()) >= 0;
    return executions + " in " + duration(result.elapsed())
        + (outOfTime ? ", stopped by the time limit" : "") + ", "
        + how(result, source, settings) + ", " + outcome(result, settings.expected());
  }

  private static String how(Result result, Source source, RaceSettings settings) {
    return switch (source) {
      case EXPLORED -> explored(result, settings.options());
      case RECORDED -> "replay of the failure recorded by the previous run";
      case REPLAYED -> "replay of " + settings.replayToken();
    };
  }

  /** {@code PCT seed 42}; the systematic search has no seed but says what it covered. */
  private static String explored(Result result, Options options) {
    String how = options.strategy() == Strategy.SYSTEMATIC ? "SYSTEMATIC"
        : options.strategy() + " seed " + result.seed();
    if (options.shardCount() > 1) {
      how += ", shard " + options.shardNumber() + "/" + options.shardCount();
    }
    String named = how;
    return result.coverage().map(c -> named + ", " + c).orElse(named);
  }

  private static String outcome(Result result, Set<Failure.Kind> expected) {
    if (!result.failed()) return "no failure";
    Failure.Kind kind = result.failure().orElseThrow().kind();
    return expected.contains(kind) ? "found the expected " + kind : "found " + kind;
  }

  /** {@code 840 ms} below a second, else {@code 2.1 s}. */
  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) return millis + " ms";
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
