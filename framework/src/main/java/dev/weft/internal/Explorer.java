package dev.weft.internal;

import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.Detection;
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
    long seed = options.seed().isPresent() ? options.seed().getAsLong()
        : new SplittableRandom().nextLong();
    return explore(options, body, seed, Strategies.of(options, seed));
  }

  /** Explores under {@code strategy} instead of the one the options name: a seam for tests. */
  static Result explore(Options options, Body body, long seed, SchedulingStrategy strategy) {
    return ExplorationLock.exclusively(
        () -> timed(() -> exploreExclusively(options, body, seed, strategy)));
  }

  private static Result exploreExclusively(Options options, Body body, long seed,
      SchedulingStrategy strategy) {
    prepareRuntime();
    RecordingStrategy recorder = new RecordingStrategy(strategy, seed);
    long deadline = System.nanoTime() + options.timeLimit().toNanos();
    int executions = 0;
    boolean strategyEnded = false;
    for (int i = 0; i < options.iterations(); i++) {
      if (i > 0 && !recorder.hasNextExecution()) {
        strategyEnded = true;
        break;
      }
      recorder.startExecution(i);
      ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, options.maxSteps(),
          options.stallTimeout(), Detection.of(options), null);
      executions++;
      recorder.finishExecution(outcome.steps());
      if (outcome.strategyError() != null) throw outcome.strategyError();
      if (outcome.failure() != null) {
        return shrunkFailure(outcome.failure(), FailingRun.recordedBy(recorder), executions, seed,
            body, options);
      }
      if (System.nanoTime() - deadline > 0) break;
    }
    String report = strategyEnded
        ? ReportText.passedStrategyEnded(executions, seed, options.strategy(), options.iterations())
        : ReportText.passed(executions, seed, options.strategy());
    return ApiValues.get().passed(executions, seed, Report.passed(report));
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
    for (int attempt = 1; ; attempt++) {
      try {
        return replayOnce(options, token, schedule, body, usedCommonPool);
      } catch (ReplayDivergedException e) {
        // A program on the common pool shares JVM-wide state that may not have settled yet, so
        // it gets another try; any other divergence is final at once.
        if (!usedCommonPool[0]) throw e;
        if (attempt == REPLAY_ATTEMPTS) return replayLeniently(options, token, schedule, body, e);
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
      Body body, ReplayDivergedException divergence) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, true), schedule.seed());
    Trace trace = new Trace();
    ExecutionRunner.Outcome outcome = tracedReplay(options, recorder, body, trace);
    if (outcome.strategyError() != null || outcome.failure() == null) throw divergence;
    String note = "Replayed leniently: the exact schedule did not fit three times ("
        + divergence.getMessage().split("\\. ")[0] + "), because the common pool's worker took"
        + " another path; the failure reproduced all the same.";
    return failed(withTable(outcome.failure(), trace), trace,
        ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), options, note);
  }

  /** One traced execution under {@code recorder}, from a settled runtime. */
  private static ExecutionRunner.Outcome tracedReplay(Options options,
      RecordingStrategy recorder, Body body, Trace trace) {
    prepareRuntime();
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, options.maxSteps(),
        options.stallTimeout(), Detection.of(options), trace);
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
      Body body, boolean[] usedCommonPool) {
    ReplayStrategy replay = new ReplayStrategy(schedule, false);
    RecordingStrategy recorder = new RecordingStrategy(replay, schedule.seed());
    Trace trace = new Trace();
    ExecutionRunner.Outcome outcome = tracedReplay(options, recorder, body, trace);
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
      long seed, Body body, Options options) {
    FailureSignature wanted = FailureSignature.of(found);
    ShrinkResult shrink = new ScheduleShrinker(options.shrinkRuns(), options.shrinkTime())
        .shrink(run, candidate -> {
          RecordingStrategy recorder =
              new RecordingStrategy(new ReplayStrategy(candidate, true), seed);
          recorder.startExecution(0);
          ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder,
              options.maxSteps(), options.stallTimeout(), Detection.of(options), null);
          return matches(outcome, wanted)
              ? Optional.of(FailingRun.recordedBy(recorder)) : Optional.empty();
        });
    // The report comes from one more strict, traced run of the schedule it prints: full stacks
    // and the interleaving then match the token exactly. Fall back to the schedule as found.
    Schedule shown = shrink.schedule();
    Trace trace = new Trace();
    Optional<ExecutionFailure> traced = tracedRun(shown, body, options, wanted, trace);
    if (traced.isEmpty() && shrink.improved()) {
      shown = run.schedule();
      trace = new Trace();
      traced = tracedRun(shown, body, options, wanted, trace);
    }
    ExecutionFailure failureShown =
        traced.isPresent() ? withTable(traced.get(), trace) : found;
    String token = ReplayToken.encode(shown);
    String shrinking = "Shrunk from " + shrink.originalPreemptions() + " preemptions / "
        + shrink.originalSteps() + " steps to " + shrink.preemptions() + " / " + shrink.steps()
        + " in " + shrink.reExecutions() + " re-executions.";
    return failed(failureShown, trace, token, executions, seed, options, shrinking);
  }

  private static boolean matches(ExecutionRunner.Outcome outcome, FailureSignature wanted) {
    return outcome.failure() != null && outcome.strategyError() == null
        && FailureSignature.of(outcome.failure()).equals(wanted);
  }

  /** Replays {@code schedule} strictly while recording events and full stacks into {@code trace}. */
  private static Optional<ExecutionFailure> tracedRun(Schedule schedule, Body body,
      Options options, FailureSignature wanted, Trace trace) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, false), schedule.seed());
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, options.maxSteps(),
        options.stallTimeout(), Detection.of(options), trace);
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
    ApiValues values = ApiValues.get();
    Failure failure =
        values.failure(f.kind(), f.summary(), token, f.accesses(), f.cause());
    String text = ReportText.failed(f, executions, seed, options.strategy(), note);
    return values.failed(executions, seed, failure,
        Report.failed(text, f.kind().name(), f.summary(), token, trace));
  }
}
