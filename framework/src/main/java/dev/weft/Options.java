package dev.weft;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Immutable exploration settings. Start from {@link #defaults()} and derive variants with the
 * {@code with}-style methods; each returns a new instance.
 */
public final class Options {
  /** Executions explored when nothing else is said. */
  public static final int DEFAULT_ITERATIONS = 1000;
  /** Scheduling points after which an execution counts as a livelock. */
  public static final int DEFAULT_MAX_STEPS = 100_000;
  /** Wall-clock budget of one exploration when nothing else is said. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(2);
  /** How long a scheduled thread may run without reaching a scheduling point. */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(10);

  /** Re-executions the shrinker may spend on one failure. */
  public static final int DEFAULT_SHRINK_RUNS = 400;
  /** Wall-clock budget of shrinking one failure. */
  public static final Duration DEFAULT_SHRINK_TIME = Duration.ofSeconds(5);

  private static final Options DEFAULTS =
      new Options(DEFAULT_ITERATIONS, null, Strategy.PCT, DEFAULT_MAX_STEPS, DEFAULT_TIME_LIMIT,
          DEFAULT_STALL_TIMEOUT, DEFAULT_SHRINK_RUNS, DEFAULT_SHRINK_TIME, true);

  private final int iterations;
  private final Long seed;
  private final Strategy strategy;
  private final int maxSteps;
  private final Duration timeLimit;
  private final Duration stallTimeout;
  private final int shrinkRuns;
  private final Duration shrinkTime;
  private final boolean raceDetection;

  private Options(int iterations, Long seed, Strategy strategy, int maxSteps, Duration timeLimit,
      Duration stallTimeout, int shrinkRuns, Duration shrinkTime, boolean raceDetection) {
    this.raceDetection = raceDetection;
    this.shrinkRuns = shrinkRuns;
    this.shrinkTime = shrinkTime;
    this.iterations = iterations;
    this.seed = seed;
    this.strategy = strategy;
    this.maxSteps = maxSteps;
    this.timeLimit = timeLimit;
    this.stallTimeout = stallTimeout;
  }

  /** 1000 iterations, PCT, a random seed (always reported), 100,000 steps, 2 minutes. */
  public static Options defaults() {
    return DEFAULTS;
  }

  /** Number of executions to explore (at least 1). */
  public Options iterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "iterations must be at least 1, was " + iterations + "; use e.g. iterations(1000)");
    }
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /** Fixes the seed: the same seed on the same program explores the same executions. */
  public Options seed(long seed) {
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /** The scheduling strategy. */
  public Options strategy(Strategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /** Scheduling points one execution may take before it is reported as a livelock. */
  public Options maxSteps(int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
    }
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /**
   * Wall-clock budget of the whole exploration: when it runs out, the exploration stops after the
   * current execution and reports how many executions it ran.
   */
  public Options timeLimit(Duration timeLimit) {
    requirePositive(timeLimit, "timeLimit");
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /**
   * Budget for shrinking a failing schedule before it is reported: at most {@code runs}
   * re-executions and {@code time} of wall-clock time. {@code runs == 0} reports the schedule as
   * found.
   */
  public Options shrinking(int runs, Duration time) {
    if (runs < 0) throw new IllegalArgumentException("shrinking runs must be >= 0, was " + runs);
    requirePositive(time, "shrinking time");
    int shrinkRuns = runs;
    Duration shrinkTime = time;
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  /**
   * Whether operations on the JDK's non-thread-safe collections are checked for data races (on by
   * default). Off, they are neither tracked nor scheduling points: only deadlocks, livelocks and
   * exceptions are found.
   */
  public Options raceDetection(boolean enabled) {
    boolean raceDetection = enabled;
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  public boolean raceDetection() {
    return raceDetection;
  }

  /** Re-executions the shrinker may spend on one failure. */
  public int shrinkRuns() {
    return shrinkRuns;
  }

  /** Wall-clock budget of shrinking one failure. */
  public Duration shrinkTime() {
    return shrinkTime;
  }

  /**
   * How long the running thread may go without reaching a scheduling point before the watchdog
   * declares that Weft lost control (native code, I/O, an uninstrumented lock).
   */
  public Options stallTimeout(Duration stallTimeout) {
    requirePositive(stallTimeout, "stallTimeout");
    return new Options(iterations, seed, strategy, maxSteps, timeLimit, stallTimeout, shrinkRuns,
        shrinkTime, raceDetection);
  }

  public int iterations() {
    return iterations;
  }

  /** The fixed seed, or empty when each exploration draws a random one. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  public Strategy strategy() {
    return strategy;
  }

  public int maxSteps() {
    return maxSteps;
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  public Duration stallTimeout() {
    return stallTimeout;
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  @Override
  public String toString() {
    return "Options{iterations=" + iterations + ", seed=" + (seed == null ? "random" : seed)
        + ", strategy=" + strategy + ", maxSteps=" + maxSteps + ", timeLimit=" + timeLimit
        + ", stallTimeout=" + stallTimeout + '}';
  }
}
