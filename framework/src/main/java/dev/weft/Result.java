package dev.weft;

import dev.weft.internal.ApiValues;
import dev.weft.internal.report.Report;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of an exploration or a replay. Immutable; built by Weft only. */
public final class Result {
  static {
    // The engine builds results, failures and accesses through this (see ApiValues).
    ApiValues.install(new ValueFactory());
  }

  private final int executions;
  private final long seed;
  private final Failure failure;
  private final Report report;
  private final Duration elapsed;
  private final boolean exhausted;
  /** Null when no systematic search ran. */
  private final String coverage;

  /** {@code failure} is null for a result that passed. */
  Result(int executions, long seed, Failure failure, Report report) {
    this(executions, seed, failure, report, Duration.ZERO, false, null);
  }

  private Result(int executions, long seed, Failure failure, Report report, Duration elapsed,
      boolean exhausted, String coverage) {
    this.executions = executions;
    this.seed = seed;
    this.failure = failure;
    this.report = Objects.requireNonNull(report, "report");
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.exhausted = exhausted;
    this.coverage = coverage;
  }

  /** This result with the wall-clock time it took; for the engine (see ApiValues). */
  Result withElapsed(Duration took) {
    return new Result(executions, seed, failure, report, took, exhausted, coverage);
  }

  /** This result with what its systematic search covered; for the engine (see ApiValues). */
  Result withCoverage(boolean searchExhausted, String searchCoverage) {
    return new Result(executions, seed, failure, report, elapsed,
        searchExhausted && failure == null, searchCoverage);
  }

  /**
   * Whether the exploration explored every schedule within its preemption bound and none failed:
   * only a systematic search ({@link Strategy#SYSTEMATIC}, or {@link Strategy#AUTO}'s systematic
   * part) that ran to its end, with no execution that behaved differently under the same
   * schedule, says so. Schedules that differ only in the order of independent steps count as one.
   * It proves that no schedule of what Weft controls, within the bound, fails; the user guide says
   * what it does not prove (plain fields, uncontrolled code, schedules beyond the bound).
   */
  public boolean exhausted() {
    return exhausted;
  }

  /**
   * What the systematic search covered, as the report says it: {@code explored all 37 schedules
   * with at most 2 preemptions}, or {@code explored 1,000 of about 52,000 schedules within 2
   * preemptions} when the budget ended it; empty when no systematic search ran (a sampler, a
   * replay).
   */
  public Optional<String> coverage() {
    return Optional.ofNullable(coverage);
  }

  /**
   * Wall-clock time of the exploration or replay, shrinking and reporting included, from the
   * moment it had the JVM to itself (waiting for another exploration to end is not counted).
   */
  public Duration elapsed() {
    return elapsed;
  }

  /** Whether an execution failed. */
  public boolean failed() {
    return failure != null;
  }

  /** Executions run, including the failing one. */
  public int executions() {
    return executions;
  }

  /**
   * The seed the exploration used (drawn at random unless fixed by {@link Options#seed}; 0 for
   * {@link Strategy#SYSTEMATIC}, which uses none, and for a sharded exploration given none).
   */
  public long seed() {
    return seed;
  }

  /** The failure, or empty when every execution passed. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The classes Weft could not instrument that this exploration met (loaded during it, or ran
   * code whose accesses it had to ignore), in the order met; empty when everything it ran was
   * controlled. Races through them are not reported, so a passing result says less about them.
   */
  public List<UncontrolledClass> uncontrolledClasses() {
    return report.uncontrolled();
  }

  /**
   * A report for humans: what happened, where and how to fix it. A failure's report ends with
   * how to replay it: {@code Reproduce with: Weft.replay("W1...", body)}.
   */
  public String report() {
    return report.text();
  }

  /**
   * The same report, ending with {@code closingLines} instead of the {@code Weft.replay} line:
   * for tools that replay a failure their own way (the JUnit extension names its
   * {@code weft.replay} parameter there). A result that passed has no such line, and its report
   * is returned unchanged.
   */
  public String report(String closingLines) {
    return report.text(closingLines);
  }

  /**
   * The failure as a self-contained HTML page (a swimlane timeline of the interleaving, the
   * conflicting accesses highlighted, the report and how to replay it with {@code Weft.replay}),
   * or an empty string when the exploration passed. Every user-provided text in it is escaped.
   */
  public String htmlPage() {
    return report.html();
  }

  /**
   * Like {@link #htmlPage()}, showing {@code replayCommand} (for instance a build tool's
   * parameter carrying {@link Failure#replayToken()}) as the way to replay the failure.
   */
  public String htmlPage(String replayCommand) {
    return report.html(replayCommand);
  }

  /**
   * The result as one JSON object, for tools: {@code kind}, {@code summary}, {@code token} (null
   * when it passed), {@code seed}, {@code strategy}, {@code executions}, {@code elapsedMillis},
   * {@code date}, {@code jdk}, {@code cause}, {@code accesses}, {@code uncontrolledClasses}, the
   * failure's typed {@code details}, the {@code output} the reported execution printed, and the
   * {@code report} as {@link #report()} gives it.
   */
  public String json() {
    return report.json(failure, report(), elapsed);
  }

  /** Like {@link #json()}, with the report ending as {@link #report(String)} ends it. */
  public String json(String closingLines) {
    Objects.requireNonNull(closingLines, "closingLines");
    return report.json(failure, report(closingLines), elapsed);
  }

  @Override
  public String toString() {
    return failed() ? failure.toString() : "passed " + executions + " executions (seed " + seed + ")";
  }
}
