package dev.weft.internal;

import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.Deadline;
import dev.weft.internal.runtime.ExecutionFailure;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.internal.runtime.Trace;
import dev.weft.scheduler.FailingRun;
import dev.weft.scheduler.RecordingStrategy;
import dev.weft.scheduler.ReplayDivergedException;
import dev.weft.scheduler.ReplayStrategy;
import dev.weft.scheduler.ReplayToken;
import dev.weft.scheduler.Schedule;
import dev.weft.scheduler.ScheduleShrinker;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.Shard;
import dev.weft.scheduler.ShrinkResult;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Drives explorations and replays: one execution after another, until one fails, the strategy
 * has no more schedules, or the budget is spent. One at a time per JVM ({@link ExplorationLock}).
 */
public final class Explorer {
  private Explorer() {}

  public static Result explore(Options options, Body body) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(body, "body");
    long seed = Strategies.seed(options, new SplittableRandom().nextLong());
    return explore(options, body, seed, Strategies.of(options, seed));
  }

  /** Explores under {@code strategy} instead of the one the options name: a seam for tests. */
  static Result explore(Options options, Body body, long seed, SchedulingStrategy strategy) {
    return explore(options, body, seed,
        ChosenStrategy.sampler(options.strategy(), strategy, seed, Shard.ALL));
  }

  private static Result explore(Options options, Body body, long seed, ChosenStrategy chosen) {
    return ExplorationLock.exclusively(
        () -> timed(() -> exploreExclusively(options, body, seed, chosen)));
  }

  private static Result exploreExclusively(Options options, Body body, long seed,
      ChosenStrategy chosen) {
    prepareRuntime();
    RecordingStrategy recorder = new RecordingStrategy(chosen.scheduling(), seed);
    Deadline deadline = Deadline.after(options.timeLimit());
    int executions = 0;
    boolean strategyEnded = false;
    boolean lastCutOff = false;
    for (int i = 0; i < options.iterations(); i++) {
      if (i > 0 && !recorder.hasNextExecution()) {
        strategyEnded = true;
        break;
      }
      recorder.startExecution(i);
      ExecutionRunner.Outcome outcome =
          ExecutionRunner.run(body, recorder, options, deadline, null);
      executions++;
      recorder.finishExecution(outcome.steps());
      if (outcome.strategyError() != null) throw outcome.strategyError();
      if (outcome.outOfTime() && executions > 1) {
        // Cut off by the time limit after others ended: a budget spent, not a failure.
        lastCutOff = true;
        executions--;
        break;
      }
      if (outcome.failure() != null) {
        Coverage coverage = chosen.coverage(executions, options.iterations());
        return SearchResults.withCoverage(shrunkFailure(outcome.failure(),
            FailingRun.recordedBy(recorder), executions, seed, body, options, coverage, deadline),
            coverage);
      }
      if (deadline.passed()) break;
    }
    Coverage coverage = chosen.coverage(executions, options.iterations());
    String report = strategyEnded && coverage.search().isEmpty()
        ? ReportText.passedStrategyEnded(executions, seed, options.strategy(), options.iterations())
        : CoverageText.passed(coverage);
    if (lastCutOff) report += BudgetNotes.cutOff(executions + 1, options.timeLimit());
    return SearchResults.withCoverage(
        ApiValues.get().passed(executions, seed, Report.passed(report)), coverage);
  }

  /**
   * Replays {@code token}.
   *
   * @throws dev.weft.ReplayDivergedException if the token does not fit {@code body}
   */
  public static Result replay(Options options, String token, Body body) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(body, "body");
    Schedule schedule = ReplayToken.decode(token.trim());
    try {
      return ExplorationLock.exclusively(
          () -> timed(() -> replayExclusively(options, token, schedule, body)));
    } catch (ReplayDivergedException e) {
      // The API throws its own type: the scheduler's stays an implementation detail.
      throw ApiValues.get().replayDiverged(e.step(), e.getMessage());
    }
  }

  private static Result replayExclusively(Options options, String token, Schedule schedule,
      Body body) {
    boolean[] usedCommonPool = {false};
    Deadline deadline = Deadline.after(options.timeLimit());
    for (int attempt = 1; ; attempt++) {
      try {
        return replayOnce(options, token, schedule, body, usedCommonPool, deadline);
      } catch (ReplayDivergedException e) {
        // A program on the common pool shares JVM-wide state that may not have settled yet, so
        // it gets another try; any other divergence is final at once.
        if (!usedCommonPool[0]) throw e;
        if (attempt == REPLAY_ATTEMPTS || deadline.passed()) {
          return replayLeniently(options, token, schedule, body, e, deadline);
        }
      }
    }
  }

  /**
   * The last resort for a common-pool program whose strict replays diverged: the JVM-wide pool's
   * worker took another path (it found work early, or none). Follows the schedule where it fits
   * and runs on without preemptions where it does not. Only a failure counts as reproduced, and
   * the report says the replay was not exact; a passing run reports the divergence.
   */
  private static Result replayLeniently(Options options, String token, Schedule schedule,
      Body body, ReplayDivergedException divergence, Deadline deadline) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, true), schedule.seed());
    Trace trace = new Trace();
    ExecutionRunner.Outcome outcome = tracedReplay(options, recorder, body, trace, deadline);
    if (outcome.strategyError() != null || outcome.failure() == null) throw divergence;
    String note = "Replayed leniently: the exact schedule did not fit three times ("
        + divergence.getMessage().split("\\. ")[0] + "), because the common pool's worker took"
        + " another path; the failure reproduced all the same.";
    return failed(withTable(outcome.failure(), trace), trace,
        ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), options, note);
  }

  /** One traced execution under {@code recorder}, from a settled runtime. */
  private static ExecutionRunner.Outcome tracedReplay(Options options,
      RecordingStrategy recorder, Body body, Trace trace, Deadline deadline) {
    prepareRuntime();
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome =
        ExecutionRunner.run(body, recorder, options, deadline, trace);
    recorder.finishExecution(outcome.steps());
    return outcome;
  }

  /** Runs {@code work} and gives its result the time it took. */
  private static Result timed(java.util.function.Supplier<Result> work) {
    long start = System.nanoTime();
    Result result = work.get();
    return ApiValues.get().withElapsed(result, java.time.Duration.ofNanos(System.nanoTime() - start));
  }

  /** Strict replays of a common-pool program before its divergence is reported. */
  private static final int REPLAY_ATTEMPTS = 3;

  private static Result replayOnce(Options options, String token, Schedule schedule,
      Body body, boolean[] usedCommonPool, Deadline deadline) {
    ReplayStrategy replay = new ReplayStrategy(schedule, false);
    RecordingStrategy recorder = new RecordingStrategy(replay, schedule.seed());
    Trace trace = new Trace();
    ExecutionRunner.Outcome outcome = tracedReplay(options, recorder, body, trace, deadline);
    usedCommonPool[0] = outcome.usedCommonPool();
    if (outcome.strategyError() != null) throw outcome.strategyError();
    if (outcome.failure() != null) {
      return failed(withTable(outcome.failure(), trace), trace,
          ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), options, "");
    }
    if (replay.unusedChoices() > 0) {
      throw new ReplayDivergedException(schedule.length() - replay.unusedChoices(),
          "the program ended after " + (schedule.length() - replay.unusedChoices())
              + " choices but the schedule holds " + schedule.length());
    }
    return ApiValues.get().passed(1, schedule.seed(), Report.passed(ReportText.replayPassed(token)));
  }


  /**
   * Shrinks the failing schedule (fewest preemptions, then fewest steps, same failure) and reports
   * the shrunk execution, so that the token and the report show the simplest interleaving found.
   */
  private static Result shrunkFailure(ExecutionFailure found, FailingRun run, int executions,
      long seed, Body body, Options options, Coverage coverage, Deadline deadline) {
    FailureSignature wanted = FailureSignature.of(found);
    // Shrinking ends by its own budget or the exploration's time limit, whichever comes first.
    Deadline shrinkEnd = Deadline.after(options.shrinkTime()).earlier(deadline);
    boolean shrinkable = TimeBudgets.worthShrinking(found) && !deadline.passed();
    ShrinkResult shrink = new ScheduleShrinker(shrinkable ? options.shrinkRuns() : 0,
        shrinkEnd.remaining())
        .shrink(run, candidate -> {
          RecordingStrategy recorder =
              new RecordingStrategy(new ReplayStrategy(candidate, true), seed);
          recorder.startExecution(0);
          ExecutionRunner.Outcome outcome =
              ExecutionRunner.run(body, recorder, options, shrinkEnd, null);
          return matches(outcome, wanted)
              ? Optional.of(FailingRun.recordedBy(recorder)) : Optional.empty();
        });
    // The report comes from one more strict, traced run of the schedule it prints: full stacks
    // and the interleaving then match the token exactly. Fall back to the schedule as found.
    // Past the time limit there is no such run: the failure is reported as it was found.
    Schedule shown = shrink.schedule();
    Trace trace = new Trace();
    Optional<ExecutionFailure> traced = deadline.passed() ? Optional.empty()
        : tracedRun(shown, body, options, wanted, trace, deadline);
    if (traced.isEmpty() && shrink.improved()) {
      shown = run.schedule();
      trace = new Trace();
      traced = deadline.passed() ? Optional.empty()
          : tracedRun(shown, body, options, wanted, trace, deadline);
    }
    ExecutionFailure failureShown =
        traced.isPresent() ? withTable(traced.get(), trace) : found;
    String token = ReplayToken.encode(shown);
    String shrinking = BudgetNotes.shrinking(shrink, shrinkable, traced.isPresent(),
        deadline.passed(), options.timeLimit());
    int preemptionsShown = shown == run.schedule() ? run.preemptions() : shrink.preemptions();
    String fewest = CoverageText.fewest(coverage, preemptionsShown);
    String note = fewest.isEmpty() ? shrinking : shrinking.isEmpty() ? fewest
        : shrinking + " " + fewest;
    return failed(failureShown, trace, token, executions, seed, CoverageText.foundIn(coverage),
        note);
  }

  private static boolean matches(ExecutionRunner.Outcome outcome, FailureSignature wanted) {
    return outcome.failure() != null && outcome.strategyError() == null && !outcome.outOfTime()
        && FailureSignature.of(outcome.failure()).equals(wanted);
  }

  /** Replays {@code schedule} strictly while recording events and full stacks into {@code trace}. */
  private static Optional<ExecutionFailure> tracedRun(Schedule schedule, Body body,
      Options options, FailureSignature wanted, Trace trace, Deadline deadline) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, false), schedule.seed());
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome =
        ExecutionRunner.run(body, recorder, options, deadline, trace);
    return matches(outcome, wanted) ? Optional.of(outcome.failure()) : Optional.empty();
  }

  private static ExecutionFailure withTable(ExecutionFailure f, Trace trace) {
    String table = trace.render();
    if (table.isEmpty()) return f;
    String details = f.details() + (f.details().endsWith("\n") || f.details().isEmpty() ? "" : "\n")
        + "\n  Interleaving:\n" + table;
    return new ExecutionFailure(f.kind(), f.summary(), details, f.cause(), f.accesses());
  }

  private static void prepareRuntime() {
    AgentInstaller.ensureInstalled();
    ControlledRuntime.activate();
    CommonPoolWarmUp.warmUp();
  }

  /** {@code note}: a sentence for the report's second line, or empty. */
  private static Result failed(ExecutionFailure f, Trace trace, String token, int executions,
      long seed, Options options, String note) {
    return failed(f, trace, token, executions, seed,
        ReportText.foundIn(executions, seed, options.strategy()), note);
  }

  /** {@code foundIn}: the report's second line up to {@code note}. */
  private static Result failed(ExecutionFailure f, Trace trace, String token, int executions,
      long seed, String foundIn, String note) {
    ApiValues values = ApiValues.get();
    Failure failure =
        values.failure(f.kind(), f.summary(), token, f.accesses(), f.cause());
    String text = ReportText.failed(f, foundIn, note);
    return values.failed(executions, seed, failure,
        Report.failed(text, f.kind().name(), f.summary(), token, trace));
  }
}
