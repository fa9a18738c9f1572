package dev.weft;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of an exploration or a replay. Immutable. */
public final class Result {
  private final int executions;
  private final long seed;
  private final Failure failure;
  private final String report;
  private final String htmlPage;
  private final Duration elapsed;

  public Result(int executions, long seed, Failure failure, String report) {
    this(executions, seed, failure, report, "");
  }

  /** With the failure's self-contained HTML page (empty when there is none). */
  public Result(int executions, long seed, Failure failure, String report, String htmlPage) {
    this.executions = executions;
    this.seed = seed;
    this.failure = failure;
    this.report = Objects.requireNonNull(report, "report");
    this.htmlPage = Objects.requireNonNull(htmlPage, "htmlPage");
    this.elapsed = Duration.ZERO;
  }

  private Result(Result r, Duration elapsed) {
    this.executions = r.executions;
    this.seed = r.seed;
    this.failure = r.failure;
    this.report = r.report;
    this.htmlPage = r.htmlPage;
    this.elapsed = elapsed;
  }

  /**
   * This result with the wall-clock time it took, as {@link Weft#explore} and {@link Weft#replay}
   * measure it.
   */
  public Result withElapsed(Duration elapsed) {
    return new Result(this, Objects.requireNonNull(elapsed, "elapsed"));
  }

  /**
   * Wall-clock time of the exploration or replay, shrinking and reporting included (zero for a
   * result that was not measured).
   */
  public Duration elapsed() {
    return elapsed;
  }

  public boolean failed() {
    return failure != null;
  }

  /** Executions run, including the failing one. */
  public int executions() {
    return executions;
  }

  /** The seed the exploration used (drawn at random unless fixed by {@link Options#seed}). */
  public long seed() {
    return seed;
  }

  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** A report for humans: what happened, where, how to fix it and how to replay it. */
  public String report() {
    return report;
  }

  /**
   * The failure as a self-contained HTML page (a swimlane timeline of the interleaving, the
   * conflicting accesses highlighted, the report and the replay command), or an empty string when
   * the exploration passed. Every user-provided text in it is escaped.
   */
  public String htmlPage() {
    return htmlPage;
  }

  @Override
  public String toString() {
    return failed() ? failure.toString() : "passed " + executions + " executions (seed " + seed + ")";
  }
}
