package dev.weft;

import dev.weft.internal.agent.NamePatterns;
import dev.weft.scheduler.ScheduleShrinker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

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
  public static final int DEFAULT_SHRINK_RUNS = ScheduleShrinker.DEFAULT_MAX_RUNS;
  /** Wall-clock budget of shrinking one failure. */
  public static final Duration DEFAULT_SHRINK_TIME = ScheduleShrinker.DEFAULT_MAX_TIME;

  /** The most preemptions a systematic search allows when nothing else is said. */
  public static final int DEFAULT_PREEMPTION_BOUND = 2;
  /** A {@link #preemptionBound(int)} of no limit. */
  public static final int UNBOUNDED = -1;

  private static final Options DEFAULTS = new Options(new Settings());

  /**
   * Never changed once an {@code Options} holds it: each {@code with}-style method changes a copy
   * (see {@link #with}). A new setting is a field here with its default, a line in the copy, in
   * {@link #equals}, {@link #hashCode} and {@link #toString}, and its two methods.
   */
  private final Settings settings;

  private static final class Settings {
    int iterations = DEFAULT_ITERATIONS;
    OptionalLong seed = OptionalLong.empty();
    Strategy strategy = Strategy.POS;
    int preemptionBound = DEFAULT_PREEMPTION_BOUND;
    int shardNumber = 1;
    int shardCount = 1;
    int maxSteps = DEFAULT_MAX_STEPS;
    Duration timeLimit = DEFAULT_TIME_LIMIT;
    Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
    int shrinkRuns = DEFAULT_SHRINK_RUNS;
    Duration shrinkTime = DEFAULT_SHRINK_TIME;
    boolean raceDetection = true;
    boolean fieldRaceDetection = true;
    boolean reportLibraryRaces;
    boolean resetStatics = true;
    List<String> benignRaces = List.of();
    List<String> instrumentInclude = List.of();
    List<String> instrumentExclude = List.of();

    Settings copy() {
      Settings c = new Settings();
      c.iterations = iterations;
      c.seed = seed;
      c.strategy = strategy;
      c.preemptionBound = preemptionBound;
      c.shardNumber = shardNumber;
      c.shardCount = shardCount;
      c.maxSteps = maxSteps;
      c.timeLimit = timeLimit;
      c.stallTimeout = stallTimeout;
      c.shrinkRuns = shrinkRuns;
      c.shrinkTime = shrinkTime;
      c.raceDetection = raceDetection;
      c.fieldRaceDetection = fieldRaceDetection;
      c.reportLibraryRaces = reportLibraryRaces;
      c.resetStatics = resetStatics;
      c.benignRaces = benignRaces;
      c.instrumentInclude = instrumentInclude;
      c.instrumentExclude = instrumentExclude;
      return c;
    }
  }

  private Options(Settings settings) {
    this.settings = settings;
  }

  /** A copy of these options with {@code change} applied to its settings. */
  private Options with(Consumer<Settings> change) {
    Settings changed = settings.copy();
    change.accept(changed);
    return new Options(changed);
  }

  /**
   * 1000 iterations, POS (the best on the strategy corpus, bench/README.md), a random seed (always reported), at most 2 preemptions
   * for the systematic search, unsharded, 100,000 steps, 2 minutes, a 10 second stall timeout,
   * shrinking for at most 400 re-executions and 5 seconds, race detection on for collections and
   * fields, library field races not reported, no benign races, every instrumented class tracked,
   * static fields reset before every execution.
   */
  public static Options defaults() {
    return DEFAULTS;
  }

  /** Number of executions to explore (at least 1). */
  public Options iterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "iterations must be at least 1, was " + iterations + "; use e.g. iterations(1000)");
    }
    return with(s -> s.iterations = iterations);
  }

  /** Fixes the seed: the same seed on the same program explores the same executions. */
  public Options seed(long seed) {
    return with(s -> s.seed = OptionalLong.of(seed));
  }

  /** The scheduling strategy. */
  public Options strategy(Strategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    return with(s -> s.strategy = strategy);
  }

  /**
   * The most preemptions (switches away from a thread that could have gone on) a schedule of the
   * systematic search ({@link Strategy#SYSTEMATIC}, and {@link Strategy#AUTO}'s systematic part)
   * may have: 0 or more, or {@link #UNBOUNDED}. The search explores all schedules with 0
   * preemptions, then 1, and so on up to the bound, so the first failure it finds has the fewest
   * preemptions there are. Default {@value #DEFAULT_PREEMPTION_BOUND}: most real bugs need at most
   * two. The samplers ignore it.
   */
  public Options preemptionBound(int bound) {
    if (bound < UNBOUNDED) {
      throw new IllegalArgumentException("preemptionBound must be 0 or more, or -1 for no bound,"
          + " was " + bound + "; use e.g. preemptionBound(2)");
    }
    return with(s -> s.preemptionBound = bound);
  }

  /**
   * Explores only part {@code number} (counted from 1) of {@code count} disjoint parts of the
   * exploration, so that {@code count} JVMs (Surefire forks, the machines of a CI matrix) share
   * it: the systematic search splits its tree of schedules, the samplers take every {@code
   * count}-th execution of the unsharded run. The parts are disjoint and together explore what the
   * unsharded exploration explores: the same schedules for the systematic search (when every part
   * ran to its end), the executions of an unsharded run of {@code count} times the {@link
   * #iterations} for a sampler. {@link #iterations} and {@link #timeLimit} are each part's budget.
   * The parts must use the same seed, so a sharded exploration without {@link #seed} uses seed 0
   * rather than a random one. {@code shard(1, 1)} is the whole exploration.
   */
  public Options shard(int number, int count) {
    if (count < 1 || number < 1 || number > count) {
      throw new IllegalArgumentException("shard " + number + " of " + count + " does not exist:"
          + " the number counts from 1 to the count, e.g. shard(2, 4)");
    }
    return with(s -> {
      s.shardNumber = number;
      s.shardCount = count;
    });
  }

  /** Scheduling points one execution may take before it is reported as a livelock. */
  public Options maxSteps(int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
    }
    return with(s -> s.maxSteps = maxSteps);
  }

  /**
   * Wall-clock budget of the whole exploration: when it runs out, the exploration stops after the
   * current execution and reports how many executions it ran.
   */
  public Options timeLimit(Duration timeLimit) {
    requirePositive(timeLimit, "timeLimit");
    return with(s -> s.timeLimit = timeLimit);
  }

  /**
   * How long the running thread may go without reaching a scheduling point before the watchdog
   * declares that Weft lost control (native code, I/O, an uninstrumented lock).
   */
  public Options stallTimeout(Duration stallTimeout) {
    requirePositive(stallTimeout, "stallTimeout");
    return with(s -> s.stallTimeout = stallTimeout);
  }

  /**
   * Budget for shrinking a failing schedule before it is reported: at most {@code runs}
   * re-executions and {@code time} of wall-clock time. {@code runs == 0} reports the schedule as
   * found.
   */
  public Options shrinking(int runs, Duration time) {
    if (runs < 0) throw new IllegalArgumentException("shrinking runs must be >= 0, was " + runs);
    requirePositive(time, "shrinking time");
    return with(s -> {
      s.shrinkRuns = runs;
      s.shrinkTime = time;
    });
  }

  /**
   * Whether operations on the JDK's non-thread-safe collections, and plain fields and array
   * elements, are checked for data races (on by default). Off, they are neither tracked nor
   * scheduling points: only deadlocks, livelocks and exceptions are found.
   */
  public Options raceDetection(boolean enabled) {
    return with(s -> s.raceDetection = enabled);
  }

  /**
   * Whether reads and writes of plain fields and array elements in application code are checked
   * for data races (on by default; {@link #raceDetection raceDetection(false)} turns it off too).
   * Two accesses by different threads, at least one a write, that nothing orders (no lock both
   * hold, no join, volatile, atomic or concurrent hand-off between them) are a {@code DATA_RACE}.
   * Final fields are never checked, nor anything a class initializer does. Off, only collection
   * races are found.
   */
  public Options fieldRaceDetection(boolean enabled) {
    return with(s -> s.fieldRaceDetection = enabled);
  }

  /**
   * Whether field races whose two accesses are both in library code (classes loaded from jars)
   * are reported too. Off by default: libraries contain deliberate benign races (a racy cache of
   * a hash code). Either way their accesses stay scheduling points once a race is seen there, so
   * an assertion or exception they cause is still found.
   */
  public Options reportLibraryRaces(boolean enabled) {
    return with(s -> s.reportLibraryRaces = enabled);
  }

  /**
   * Whether every execution starts from the static state the application had before the first
   * one (on by default). Before each execution (and each re-run that shrinks a failure or replays
   * one), the non-final static fields of every instrumented application class are set back to
   * their values when the exploration started, or, for a class first initialized during it, to
   * the values its static initializer left. The reset is shallow: a field gets its old reference
   * back, but the object it points to keeps what executions put in it. Final static fields are
   * never touched. Off, a static singleton, cache or flag set by one execution is what the next
   * one starts from.
   */
  public Options resetStatics(boolean enabled) {
    return with(s -> s.resetStatics = enabled);
  }

  /**
   * Field races judged benign, by name pattern: a field ({@code com.acme.Cache.hash}), a class
   * (every field it declares, and every race its code takes part in: {@code com.acme.Cache}) or a
   * package ({@code com.acme.cache}); {@code *} stands for part of a name, {@code **} for several
   * ({@code **.Cache.hash}). Replaces the patterns set before. An annotation named {@code
   * BenignRace} on the field (such as {@link BenignRace}) silences a race as well.
   *
   * @throws IllegalArgumentException naming a pattern that is not a name pattern
   */
  public Options benignRaces(String... patterns) {
    List<String> checked = checkedPatterns(patterns);
    return with(s -> s.benignRaces = checked);
  }

  /**
   * Tracks field accesses only in classes matching these patterns (a package, a class, with
   * {@code *} and {@code **} as in {@link #benignRaces}); empty (the default) tracks every
   * instrumented class. A run-time filter: what the agent instruments is decided as classes load,
   * from the {@code weft.instrument.include} and {@code weft.instrument.exclude} system
   * properties or agent arguments, and monitors and locks of instrumented classes stay modelled
   * whatever these say.
   *
   * @throws IllegalArgumentException naming a pattern that is not a name pattern
   */
  public Options instrumentInclude(String... patterns) {
    List<String> checked = checkedPatterns(patterns);
    return with(s -> s.instrumentInclude = checked);
  }

  /**
   * Tracks no field accesses in classes matching these patterns; see {@link #instrumentInclude}.
   *
   * @throws IllegalArgumentException naming a pattern that is not a name pattern
   */
  public Options instrumentExclude(String... patterns) {
    List<String> checked = checkedPatterns(patterns);
    return with(s -> s.instrumentExclude = checked);
  }

  private static List<String> checkedPatterns(String... patterns) {
    Objects.requireNonNull(patterns, "patterns");
    return NamePatterns.of(List.of(patterns)).texts();
  }

  /** Number of executions to explore. */
  public int iterations() {
    return settings.iterations;
  }

  /** The fixed seed, or empty when each exploration draws a random one. */
  public OptionalLong seed() {
    return settings.seed;
  }

  /** The scheduling strategy. */
  public Strategy strategy() {
    return settings.strategy;
  }

  /** The most preemptions of a systematic search's schedules, or {@link #UNBOUNDED}. */
  public int preemptionBound() {
    return settings.preemptionBound;
  }

  /** The part of the exploration explored, counted from 1 ({@link #shard(int, int)}). */
  public int shardNumber() {
    return settings.shardNumber;
  }

  /** Into how many parts the exploration is split; 1 when it is not. */
  public int shardCount() {
    return settings.shardCount;
  }

  /** Scheduling points one execution may take before it is reported as a livelock. */
  public int maxSteps() {
    return settings.maxSteps;
  }

  /** Wall-clock budget of the whole exploration. */
  public Duration timeLimit() {
    return settings.timeLimit;
  }

  /** How long the running thread may go without reaching a scheduling point. */
  public Duration stallTimeout() {
    return settings.stallTimeout;
  }

  /** Re-executions the shrinker may spend on one failure. */
  public int shrinkRuns() {
    return settings.shrinkRuns;
  }

  /** Wall-clock budget of shrinking one failure. */
  public Duration shrinkTime() {
    return settings.shrinkTime;
  }

  /** Whether the JDK's non-thread-safe collections are checked for data races. */
  public boolean raceDetection() {
    return settings.raceDetection;
  }

  /** Whether plain fields and array elements are checked for data races. */
  public boolean fieldRaceDetection() {
    return settings.fieldRaceDetection;
  }

  /** Whether field races entirely inside library code are reported. */
  public boolean reportLibraryRaces() {
    return settings.reportLibraryRaces;
  }

  /** Whether static fields are reset before every execution. */
  public boolean resetStatics() {
    return settings.resetStatics;
  }

  /** The patterns of field races judged benign. */
  public List<String> benignRaces() {
    return settings.benignRaces;
  }

  /** The classes whose field accesses alone are tracked; empty: every instrumented class. */
  public List<String> instrumentInclude() {
    return settings.instrumentInclude;
  }

  /** The classes whose field accesses are never tracked. */
  public List<String> instrumentExclude() {
    return settings.instrumentExclude;
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Options other)) return false;
    Settings a = settings;
    Settings b = other.settings;
    return a.iterations == b.iterations && a.seed.equals(b.seed) && a.strategy == b.strategy
        && a.preemptionBound == b.preemptionBound && a.shardNumber == b.shardNumber
        && a.shardCount == b.shardCount && a.maxSteps == b.maxSteps
        && a.timeLimit.equals(b.timeLimit)
        && a.stallTimeout.equals(b.stallTimeout) && a.shrinkRuns == b.shrinkRuns
        && a.shrinkTime.equals(b.shrinkTime) && a.raceDetection == b.raceDetection
        && a.fieldRaceDetection == b.fieldRaceDetection
        && a.reportLibraryRaces == b.reportLibraryRaces && a.resetStatics == b.resetStatics
        && a.benignRaces.equals(b.benignRaces)
        && a.instrumentInclude.equals(b.instrumentInclude)
        && a.instrumentExclude.equals(b.instrumentExclude);
  }

  @Override
  public int hashCode() {
    Settings s = settings;
    return Objects.hash(s.iterations, s.seed, s.strategy, s.preemptionBound, s.shardNumber,
        s.shardCount, s.maxSteps, s.timeLimit,
        s.stallTimeout, s.shrinkRuns, s.shrinkTime, s.raceDetection, s.fieldRaceDetection,
        s.reportLibraryRaces, s.resetStatics, s.benignRaces, s.instrumentInclude, s.instrumentExclude);
  }

  @Override
  public String toString() {
    Settings s = settings;
    return "Options{iterations=" + s.iterations
        + ", seed=" + (s.seed.isPresent() ? String.valueOf(s.seed.getAsLong()) : "random")
        + ", strategy=" + s.strategy + ", preemptionBound=" + s.preemptionBound
        + ", shardNumber=" + s.shardNumber + ", shardCount=" + s.shardCount
        + ", maxSteps=" + s.maxSteps + ", timeLimit=" + s.timeLimit
        + ", stallTimeout=" + s.stallTimeout + ", shrinkRuns=" + s.shrinkRuns
        + ", shrinkTime=" + s.shrinkTime + ", raceDetection=" + s.raceDetection
        + ", fieldRaceDetection=" + s.fieldRaceDetection
        + ", reportLibraryRaces=" + s.reportLibraryRaces
        + ", resetStatics=" + s.resetStatics + ", benignRaces=" + s.benignRaces
        + ", instrumentInclude=" + s.instrumentInclude
        + ", instrumentExclude=" + s.instrumentExclude + '}';
  }
}
