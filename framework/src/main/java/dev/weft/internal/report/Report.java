package dev.weft.internal.report;

import dev.weft.Failure;
import dev.weft.Strategy;
import dev.weft.UncontrolledClass;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.PrintedOutput;
import dev.weft.internal.failure.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of a result, as typed facts, rendered when asked for, so that whoever shows it
 * chooses how to replay the failure: the API's own report says {@code Weft.replay("W1...",
 * body)}, the JUnit extension its {@code -Dweft.replay=} parameter. Immutable once the execution
 * it describes has ended.
 */
public final class Report {

  /** How the exploration or replay ended. */
  public sealed interface Outcome permits Passed, ReplayPassed, Failed, Written {}

  /**
   * Every execution passed; {@code strategyEnded}: the strategy had no more schedules before the
   * {@code iterations} allowed were used; {@code cutOffExecution}: the number of the execution the
   * {@code timeLimit} ended before it finished (not counted), or 0.
   */
  public record Passed(int iterations, boolean strategyEnded, int cutOffExecution,
      Duration timeLimit) implements Outcome {
    public Passed {
      Objects.requireNonNull(timeLimit, "timeLimit");
    }
  }

  /** The replay of {@code token} passed: the failure no longer happens. */
  public record ReplayPassed(String token) implements Outcome {
    public ReplayPassed {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * An execution failed.
   *
   * @param details what went wrong
   * @param trace the traced execution behind the report (empty when it could not be traced)
   * @param token the token that replays it
   * @param shrinking what shrinking did, or null when the failure was not shrunk (a replay)
   * @param lenientDivergence for a replay that only fitted leniently, why the exact schedule did
   *     not fit; else null
   * @param output what the threads of the reported execution printed
   */
  public record Failed(FailureDetails details, Trace trace, String token, Shrinking shrinking,
      String lenientDivergence, PrintedOutput output) implements Outcome {
    public Failed {
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(trace, "trace");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * A report written elsewhere, for results built by hand (tools and tests): {@code text} is all
   * there is, without how to replay; {@code token} is null for a result that passed.
   */
  public record Written(String text, Failure.Kind kind, String summary, String token)
      implements Outcome {
    public Written {
      Objects.requireNonNull(text, "text");
    }
  }

  private final int executions;
  private final long seed;
  private final Strategy strategy;
  /** Null for a replay and a report written elsewhere. */
  private final Coverage coverage;
  private final List<UncontrolledClass> uncontrolled;
  /** Why the common pool's size is not the one Weft fixes, or null (see CommonPoolParallelism). */
  private final String commonPoolNote;
  private final Instant finishedAt;
  private final Outcome outcome;

  private Report(int executions, long seed, Strategy strategy, Coverage coverage,
      List<UncontrolledClass> uncontrolled, String commonPoolNote, Instant finishedAt,
      Outcome outcome) {
    this.executions = executions;
    this.seed = seed;
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.coverage = coverage;
    this.uncontrolled = List.copyOf(uncontrolled);
    this.commonPoolNote = commonPoolNote;
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The report of an exploration or replay that ran {@code executions} executions with {@code
   * seed} under {@code strategy}, covered {@code coverage} (null for a replay), met the {@code
   * uncontrolled} classes, ran on a common pool of another size than Weft's if {@code
   * commonPoolNote} (why) is not null, and ended in {@code outcome}.
   */
  public static Report of(int executions, long seed, Strategy strategy, Coverage coverage,
      List<UncontrolledClass> uncontrolled, String commonPoolNote, Outcome outcome) {
    return new Report(executions, seed, strategy, coverage, uncontrolled, commonPoolNote,
        Instant.now(), outcome);
  }

  /** A report whose text was written elsewhere (see {@link Written}). */
  public static Report written(int executions, long seed, Written written) {
    return new Report(executions, seed, Strategy.PCT, null, List.of(), null, Instant.now(),
        written);
  }

  /** The first line of a failure's report: what happened and where. */
  public static String summaryOf(FailureDetails details) {
    return FailureText.of(details).summary();
  }

  int executions() {
    return executions;
  }

  long seed() {
    return seed;
  }

  Strategy strategy() {
    return strategy;
  }

  /** What the exploration covered; empty for a replay. */
  Optional<Coverage> coverage() {
    return Optional.ofNullable(coverage);
  }

  Instant finishedAt() {
    return finishedAt;
  }

  Outcome outcome() {
    return outcome;
  }

  /** The classes Weft could not instrument that this exploration met. */
  public List<UncontrolledClass> uncontrolled() {
    return uncontrolled;
  }

  /**
   * Why the common pool did not have the parallelism Weft fixes, so that results may depend on
   * the machine; empty when it had.
   */
  Optional<String> commonPoolNote() {
    return Optional.ofNullable(commonPoolNote);
  }

  /** The token of a failure, or null for a result that passed. */
  String token() {
    if (outcome instanceof Failed f) return f.token();
    if (outcome instanceof Written w) return w.token();
    return null;
  }

  /** The text, ending with how to replay a failure through the API. */
  public String text() {
    String token = token();
    if (token == null) return text("");
    return text(ReportText.reproduceWith(ReportText.apiReplayCommand(token)));
  }

  /** The text of a failure, ending with {@code closingLines} after a blank line. */
  public String text(String closingLines) {
    Objects.requireNonNull(closingLines, "closingLines");
    String body = ReportText.body(this);
    return token() == null ? body : body.stripTrailing() + "\n\n" + closingLines;
  }

  /** The HTML page of a failure, or an empty string when there is none. */
  public String html() {
    String token = token();
    return token == null ? "" : html(ReportText.apiReplayCommand(token));
  }

  /** The HTML page, showing {@code replayCommand} as the way to replay the failure. */
  public String html(String replayCommand) {
    Objects.requireNonNull(replayCommand, "replayCommand");
    if (token() == null) return "";
    return HtmlPage.render(this, replayCommand);
  }

  /**
   * The result as one JSON object (see {@link JsonReport}) with {@code failure}'s members (null
   * for a result that passed) and {@code text} as its {@code report} member.
   */
  public String json(Failure failure, String text, Duration elapsed) {
    return JsonReport.render(this, failure, text, elapsed);
  }
}
