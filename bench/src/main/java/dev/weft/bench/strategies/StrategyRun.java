package dev.weft.bench.strategies;

import dev.weft.Body;
import dev.weft.Options;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.time.Duration;

/** Runs one exploration of a corpus body with the benchmark's options. */
final class StrategyRun {
  private StrategyRun() {}

  /** The budget for a bug: 10,000 executions or 60 seconds, whichever ends first. */
  static final int BUG_ITERATIONS = 10_000;
  static final Duration BUG_TIME = Duration.ofSeconds(60);

  /** Whether the strategy draws from a seed (and so is measured over several). */
  static boolean seeded(Strategy strategy) {
    return strategy != Strategy.SYSTEMATIC;
  }

  /**
   * The options of one trial. Shrinking is off: it runs after the failure is found, and the
   * benchmark measures the search up to that point.
   */
  static Options options(Strategy strategy, long seed, int iterations, Duration time) {
    Options options = Options.defaults().strategy(strategy).iterations(iterations)
        .timeLimit(time).shrinking(0, Duration.ofSeconds(1));
    return seeded(strategy) ? options.seed(seed) : options;
  }

  static Trial explore(Options options, Body body) {
    long start = System.nanoTime();
    var result = Weft.explore(options, body);
    return Trial.of(result, (System.nanoTime() - start) / 1e9);
  }
}
