package dev.weft.junit;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Strategy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one {@link RaceTest}: its attributes, overridden by JUnit configuration
 * parameters. A bad parameter value fails the test with one message naming the parameter, the
 * value and what would be valid; it is never ignored.
 *
 * @param options what {@code Weft.explore} gets
 * @param replayToken the token to replay instead of exploring, or null
 * @param replaySource where {@link #replayToken} came from, for messages
 * @param expected the failure kinds the test expects (empty: it expects none)
 * @param reportsDir where failure reports and records are written
 */
record RaceSettings(Options options, String replayToken, String replaySource,
    Set<Failure.Kind> expected, Path reportsDir) {

  static final String ITERATIONS = "weft.iterations";
  static final String SEED = "weft.seed";
  static final String STRATEGY = "weft.strategy";
  static final String REPLAY = "weft.replay";
  static final String MAX_STEPS = "weft.maxSteps";
  static final String TIME_LIMIT_SECONDS = "weft.timeLimitSeconds";
  static final String STALL_TIMEOUT_SECONDS = "weft.stallTimeoutSeconds";
  static final String REPORTS_DIR = "weft.reportsDir";
  static final String PREEMPTION_BOUND = "weft.preemptionBound";
  static final String SHARD = "weft.shard";
  static final String BENIGN_RACES = "weft.benignRaces";
  static final String REPORT_LIBRARY_RACES = "weft.reportLibraryRaces";
  static final String RESET_STATICS = "weft.resetStatics";
  /** Also read by the agent as a system property, when classes load. */
  static final String INSTRUMENT_INCLUDE = "weft.instrument.include";
  static final String INSTRUMENT_EXCLUDE = "weft.instrument.exclude";

  /** Every configuration parameter Weft reads; any other {@code weft.*} name is a mistake. */
  static final List<String> PARAMETERS = List.of(ITERATIONS, SEED, STRATEGY, REPLAY, MAX_STEPS,
      TIME_LIMIT_SECONDS, STALL_TIMEOUT_SECONDS, REPORTS_DIR, PREEMPTION_BOUND, SHARD,
      BENIGN_RACES, REPORT_LIBRARY_RACES, RESET_STATICS, INSTRUMENT_INCLUDE, INSTRUMENT_EXCLUDE);

  /** What {@code replaySource} says when the token comes from the annotation. */
  static final String REPLAY_ATTRIBUTE = "@RaceTest(replay)";

  /**
   * Resolves the settings of a test.
   *
   * @param config looks up a JUnit configuration parameter (which includes system properties)
   * @throws ExtensionConfigurationException if a parameter has a value that cannot be used
   */
  static RaceSettings resolve(RaceTest test, Function<String, Optional<String>> config) {
    Options options = Options.defaults();
    OptionalInt iterations = positiveSetting(config, ITERATIONS, test.iterations(), "1000");
    if (iterations.isPresent()) options = options.iterations(iterations.getAsInt());
    Optional<String> seed = param(config, SEED);
    if (seed.isPresent()) {
      Long parsed = parseSeed(seed.get());
      if (parsed != null) options = options.seed(parsed);
    } else if (test.seed() != RaceTest.RANDOM_SEED) {
      options = options.seed(test.seed());
    }
    options = options.strategy(
        param(config, STRATEGY).map(RaceSettings::parseStrategy).orElse(test.strategy()));
    Optional<String> bound = param(config, PREEMPTION_BOUND);
    if (bound.isPresent()) {
      options = options.preemptionBound(parseBound(bound.get()));
    } else if (test.preemptionBound() != RaceTest.DEFAULT_PREEMPTION_BOUND) {
      options = options.preemptionBound(checkedBound(test.preemptionBound()));
    }
    Optional<String> shard = param(config, SHARD);
    if (shard.isPresent()) options = parseShard(options, shard.get());
    OptionalInt maxSteps = positiveSetting(config, MAX_STEPS, test.maxSteps(), "100000");
    if (maxSteps.isPresent()) options = options.maxSteps(maxSteps.getAsInt());
    Optional<Duration> timeLimit =
        secondsSetting(config, TIME_LIMIT_SECONDS, test.timeLimitSeconds(), "120");
    if (timeLimit.isPresent()) options = options.timeLimit(timeLimit.get());
    Optional<Duration> stallTimeout =
        secondsSetting(config, STALL_TIMEOUT_SECONDS, test.stallTimeoutSeconds(), "30");
    if (stallTimeout.isPresent()) options = options.stallTimeout(stallTimeout.get());

    Optional<String> benign = param(config, BENIGN_RACES);
    if (benign.isPresent()) options = options.benignRaces(patterns(BENIGN_RACES, benign.get()));
    Optional<String> include = param(config, INSTRUMENT_INCLUDE);
    if (include.isPresent()) {
      options = options.instrumentInclude(patterns(INSTRUMENT_INCLUDE, include.get()));
    }
    Optional<String> exclude = param(config, INSTRUMENT_EXCLUDE);
    if (exclude.isPresent()) {
      options = options.instrumentExclude(patterns(INSTRUMENT_EXCLUDE, exclude.get()));
    }
    Optional<String> library = param(config, REPORT_LIBRARY_RACES);
    if (library.isPresent()) {
      options = options.reportLibraryRaces(parseBoolean(REPORT_LIBRARY_RACES, library.get()));
    }
    options = options.resetStatics(param(config, RESET_STATICS)
        .map(v -> parseBoolean(RESET_STATICS, v)).orElse(test.resetStatics()));

    String token = null;
    String source = null;
    Optional<String> replay = param(config, REPLAY);
    if (replay.isPresent()) {
      token = replay.get();
      source = REPLAY;
    } else if (!test.replay().isBlank()) {
      token = test.replay().strip();
      source = REPLAY_ATTRIBUTE;
    }
    Set<Failure.Kind> expected = EnumSet.noneOf(Failure.Kind.class);
    expected.addAll(Arrays.asList(test.expect()));
    Path reports = param(config, REPORTS_DIR).map(Paths::get).orElseGet(RaceSettings::defaultDir);
    return new RaceSettings(options, token, source, Collections.unmodifiableSet(expected), reports);
  }

  /**
   * {@code target/weft-reports} of the module under test: Surefire runs tests in the module's
   * directory and also tells it as the {@code basedir} system property.
   */
  static Path defaultDir() {
    String basedir = System.getProperty("basedir");
    Path base = basedir == null || basedir.isBlank() ? Paths.get("") : Paths.get(basedir);
    return base.resolve("target").resolve("weft-reports");
  }

  /** A configuration parameter; a blank value counts as not given. */
  private static Optional<String> param(Function<String, Optional<String>> config, String name) {
    return config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The parameter if given (validated), else the attribute if positive, else nothing. */
  private static OptionalInt positiveSetting(Function<String, Optional<String>> config,
      String name, int attribute, String example) {
    Optional<String> value = param(config, name);
    if (value.isPresent()) return OptionalInt.of(positiveInt(name, value.get(), example));
    return attribute > 0 ? OptionalInt.of(attribute) : OptionalInt.empty();
  }

  /** Like {@link #positiveSetting}, in seconds. */
  private static Optional<Duration> secondsSetting(Function<String, Optional<String>> config,
      String name, long attribute, String example) {
    Optional<String> value = param(config, name);
    if (value.isPresent()) {
      return Optional.of(Duration.ofSeconds(positiveLong(name, value.get(), example)));
    }
    return attribute > 0 ? Optional.of(Duration.ofSeconds(attribute)) : Optional.empty();
  }

  private static int positiveInt(String name, String value, String example) {
    long v = positiveLong(name, value, example);
    if (v > Integer.MAX_VALUE) {
      throw invalid(name, value, "a whole number from 1 to " + Integer.MAX_VALUE, example);
    }
    return (int) v;
  }

  private static long positiveLong(String name, String value, String example) {
    try {
      long v = Long.parseLong(value);
      if (v >= 1) return v;
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(name, value, "a whole number of at least 1", example);
  }

  /** Comma-separated name patterns, each checked. */
  private static String[] patterns(String name, String value) {
    String[] patterns = value.split(",");
    try {
      Options.defaults().benignRaces(patterns);
    } catch (IllegalArgumentException bad) {
      throw new ExtensionConfigurationException("Invalid configuration parameter " + name + "=\""
          + value + "\": " + bad.getMessage() + ", e.g. -D" + name + "=com.acme.Cache.hash"
          + " (set with -D, junit-platform.properties or Surefire's configurationParameters).");
    }
    return patterns;
  }

  private static boolean parseBoolean(String name, String value) {
    if (value.equalsIgnoreCase("true")) return true;
    if (value.equalsIgnoreCase("false")) return false;
    throw invalid(name, value, "true or false", "true");
  }

  /** A seed, or null for {@code random}. */
  private static Long parseSeed(String value) {
    if (value.equalsIgnoreCase("random")) return null;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(SEED, value, "a whole number (64-bit, may be negative) or \"random\"", "42");
    }
  }

  private static int parseBound(String value) {
    try {
      int v = Integer.parseInt(value);
      if (v >= -1) return v;
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(PREEMPTION_BOUND, value, "a whole number of at least 0, or -1 for no bound",
        "2");
  }

  private static int checkedBound(int attribute) {
    if (attribute >= -1) return attribute;
    throw new ExtensionConfigurationException("Invalid @RaceTest(preemptionBound = " + attribute
        + "): expected a whole number of at least 0, or -1 for no bound, e.g. preemptionBound = 2");
  }

  /** {@code i/n}: part i (from 1) of n. */
  private static Options parseShard(Options options, String value) {
    int slash = value.indexOf('/');
    try {
      if (slash > 0) {
        int number = Integer.parseInt(value.substring(0, slash).strip());
        int count = Integer.parseInt(value.substring(slash + 1).strip());
        if (count >= 1 && number >= 1 && number <= count) return options.shard(number, count);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(SHARD, value, "i/n with 1 <= i <= n (part i of n)", "2/4");
  }

  private static Strategy parseStrategy(String value) {
    for (Strategy s : Strategy.values()) {
      if (s.name().equalsIgnoreCase(value)) return s;
    }
    throw invalid(STRATEGY, value, "one of " + Arrays.toString(Strategy.values()), "PCT");
  }

  private static ExtensionConfigurationException invalid(String name, String value,
      String valid, String example) {
    return new ExtensionConfigurationException("Invalid configuration parameter " + name + "=\""
        + value + "\": expected " + valid + ", e.g. -D" + name + "=" + example
        + " (set with -D, junit-platform.properties or Surefire's configurationParameters).");
  }
}
