package dev.weft.internal;

import dev.weft.Access;
import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.UncontrolledClass;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.agent.CommonPoolParallelism;
import dev.weft.internal.agent.UncontrolledClasses;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.PrintedOutput;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.report.Coverage;
import dev.weft.internal.report.Names;
import dev.weft.internal.report.Report;
import dev.weft.internal.report.Shrinking;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.Deadline;
import dev.weft.internal.runtime.Detection;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.internal.statics.StaticBaselines;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Drives explorations and replays: one execution after another, until one fails, the strategy
 * has no more schedules, or the budget is spent. One at a time per JVM ({@link ExplorationLock}).
 * Each runs in a {@link Session}, which keeps what the program prints per execution and notes
 * which uncontrolled classes it meets.
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
    try (Session session = new Session(options, body, Deadline.after(options.timeLimit()))) {
      RecordingStrategy recorder = new RecordingStrategy(chosen.scheduling(), seed);
      int executions = 0;
      boolean strategyEnded = false;
      int cutOff = 0;
      for (int i = 0; i < options.iterations(); i++) {
        if (i > 0 && !recorder.hasNextExecution()) {
          strategyEnded = true;
          break;
        }
        recorder.startExecution(i);
        ProgramOutput.Capture printed = session.output.capture(true);
        ExecutionRunner.Outcome outcome = session.run(recorder, null, session.deadline);
        executions++;
        recorder.finishExecution(outcome.steps());
        if (outcome.strategyError() != null) {
          session.output.print(printed);
          throw outcome.strategyError();
        }
        if (outcome.outOfTime() && executions > 1) {
          // Cut off by the time limit after others ended: a budget spent, not a failure.
          session.output.print(printed);
          cutOff = executions;
          executions--;
          break;
        }
        if (outcome.failure() != null) {
          Coverage coverage = chosen.coverage(executions, options.iterations());
          return SearchResults.withCoverage(shrunkFailure(session, outcome.failure(),
              session.output.lines(printed), FailingRun.recordedBy(recorder), executions, seed,
              coverage), coverage);
        }
        session.output.print(printed);
        if (session.deadline.passed()) break;
      }
      Coverage coverage = chosen.coverage(executions, options.iterations());
      return SearchResults.withCoverage(ApiValues.get().passed(executions, seed,
          session.report(executions, seed, coverage,
              new Report.Passed(options.iterations(), strategyEnded, cutOff,
                  options.timeLimit()))), coverage);
    }
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
    try (Session session = new Session(options, body, Deadline.after(options.timeLimit()))) {
      boolean[] usedCommonPool = {false};
      for (int attempt = 1; ; attempt++) {
        try {
          return replayOnce(session, token, schedule, usedCommonPool);
        } catch (ReplayDivergedException e) {
          // A program on the common pool shares JVM-wide state that may not have settled yet, so
          // it gets another try; any other divergence is final at once.
          if (!usedCommonPool[0]) throw e;
          if (attempt == REPLAY_ATTEMPTS || session.deadline.passed()) {
            return replayLeniently(session, schedule, e);
          }
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
  private static Result replayLeniently(Session session, Schedule schedule,
      ReplayDivergedException divergence) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, true), schedule.seed());
    Traced traced = session.traced(recorder);
    if (traced.outcome.strategyError() != null || traced.outcome.failure() == null) {
      throw divergence;
    }
    return session.failed(traced.outcome.failure(), traced.trace,
        ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), null, null,
        divergence.getMessage(), traced.output);
  }

  /** Runs {@code work} and gives its result the time it took. */
  private static Result timed(java.util.function.Supplier<Result> work) {
    long start = System.nanoTime();
    Result result = work.get();
    return ApiValues.get().withElapsed(result, java.time.Duration.ofNanos(System.nanoTime() - start));
  }

  /** Strict replays of a common-pool program before its divergence is reported. */
  private static final int REPLAY_ATTEMPTS = 3;

  private static Result replayOnce(Session session, String token, Schedule schedule,
      boolean[] usedCommonPool) {
    ReplayStrategy replay = new ReplayStrategy(schedule, false);
    RecordingStrategy recorder = new RecordingStrategy(replay, schedule.seed());
    Traced traced = session.traced(recorder);
    ExecutionRunner.Outcome outcome = traced.outcome;
    usedCommonPool[0] = outcome.usedCommonPool();
    if (outcome.strategyError() != null) throw outcome.strategyError();
    if (outcome.failure() != null) {
      return session.failed(outcome.failure(), traced.trace,
          ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), null, null, null,
          traced.output);
    }
    if (replay.unusedChoices() > 0) {
      throw new ReplayDivergedException(schedule.length() - replay.unusedChoices(),
          "the program ended after " + (schedule.length() - replay.unusedChoices())
              + " choices but the schedule holds " + schedule.length());
    }
    // What a passing replay printed is printed, as for any passing execution.
    session.output.print(traced.printed);
    return ApiValues.get().passed(1, schedule.seed(),
        session.report(1, schedule.seed(), null, new Report.ReplayPassed(token)));
  }

  /**
   * Shrinks the failing schedule (fewest preemptions, then fewest steps, same failure) and reports
   * the shrunk execution, so that the token and the report show the simplest interleaving found.
   */
  private static Result shrunkFailure(Session session, FailureDetails found,
      PrintedOutput foundOutput, FailingRun run, int executions, long seed, Coverage coverage) {
    Options options = session.options;
    Deadline deadline = session.deadline;
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
          ProgramOutput.Capture dropped = session.output.capture(false);
          ExecutionRunner.Outcome outcome = session.run(recorder, null, shrinkEnd);
          session.output.end(dropped);
          return matches(outcome, wanted)
              ? Optional.of(FailingRun.recordedBy(recorder)) : Optional.empty();
        });
    // The report comes from one more strict, traced run of the schedule it prints: full stacks
    // and the interleaving then match the token exactly. Fall back to the schedule as found.
    // Past the time limit there is no such run: the failure is reported as it was found.
    Schedule shown = shrink.schedule();
    Traced traced = deadline.passed() ? null : tracedRun(session, shown, wanted);
    if (traced == null && shrink.improved()) {
      shown = run.schedule();
      traced = deadline.passed() ? null : tracedRun(session, shown, wanted);
    }
    int preemptionsShown = shown == run.schedule() ? run.preemptions() : shrink.preemptions();
    Shrinking shrinking = new Shrinking(shrink.originalPreemptions(), shrink.originalSteps(),
        shrink.preemptions(), shrink.steps(), shrink.reExecutions(), shrinkable, traced != null,
        deadline.passed(), options.timeLimit(), preemptionsShown);
    return traced == null
        ? session.failed(found, new Trace(), ReplayToken.encode(shown), executions, seed,
            coverage, shrinking, null, foundOutput)
        : session.failed(traced.outcome.failure(), traced.trace, ReplayToken.encode(shown),
            executions, seed, coverage, shrinking, null, traced.output);
  }

  private static boolean matches(ExecutionRunner.Outcome outcome, FailureSignature wanted) {
    return outcome.failure() != null && outcome.strategyError() == null && !outcome.outOfTime()
        && FailureSignature.of(outcome.failure()).equals(wanted);
  }

  /** Replays {@code schedule} strictly, traced; null unless it fails as {@code wanted}. */
  private static Traced tracedRun(Session session, Schedule schedule, FailureSignature wanted) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(schedule, false), schedule.seed());
    Traced traced = session.traced(recorder);
    return matches(traced.outcome, wanted) ? traced : null;
  }

  private static void prepareRuntime() {
    AgentInstaller.ensureInstalled();
    ControlledRuntime.activate();
    CommonPoolWarmUp.warmUp();
  }

  /** A traced execution: its outcome, its events, and what it printed. */
  private record Traced(ExecutionRunner.Outcome outcome, Trace trace,
      ProgramOutput.Capture printed, PrintedOutput output) {}

  /**
   * One exploration or replay: its options and body, the program's output routed per execution,
   * and the watch on uncontrolled classes; closed when the result is built.
   */
  private static final class Session implements AutoCloseable {
    final Options options;
    final Body body;
    /** The exploration's (or replay's) time limit. */
    final Deadline deadline;
    final ProgramOutput output;
    /** The race detectors the options ask for, read once per exploration. */
    private final Detection detection;
    private final UncontrolledClasses.Watch watch;

    Session(Options options, Body body, Deadline deadline) {
      this.options = options;
      this.body = body;
      this.deadline = deadline;
      this.detection = Detection.of(options);
      this.watch = UncontrolledClasses.startWatching();
      this.output = ProgramOutput.install();
      if (options.resetStatics()) StaticBaselines.captureAll();
    }

    /**
     * One execution under {@code recorder}, cut off at {@code until}, traced if given; from the
     * session's static state, so that every execution, shrinking re-run and replay is the same
     * program.
     */
    ExecutionRunner.Outcome run(RecordingStrategy recorder, Trace trace, Deadline until) {
      if (options.resetStatics()) StaticBaselines.restoreAll();
      return ExecutionRunner.run(body, recorder, options, detection, until, trace);
    }

    /** One traced execution under {@code recorder}, from a settled runtime. */
    Traced traced(RecordingStrategy recorder) {
      prepareRuntime();
      Trace trace = new Trace();
      recorder.startExecution(0);
      ProgramOutput.Capture printed = output.capture(true);
      ExecutionRunner.Outcome outcome = run(recorder, trace, deadline);
      recorder.finishExecution(outcome.steps());
      return new Traced(outcome, trace, printed, output.lines(printed));
    }

    /** {@code coverage}: what the exploration covered; null for a replay. */
    Report report(int executions, long seed, Coverage coverage, Report.Outcome outcome) {
      return Report.of(executions, seed, options.strategy(), coverage, uncontrolled(),
          CommonPoolParallelism.mismatch(), outcome);
    }

    Result failed(FailureDetails f, Trace trace, String token, int executions, long seed,
        Coverage coverage, Shrinking shrinking, String lenientDivergence,
        PrintedOutput printed) {
      ApiValues values = ApiValues.get();
      Failure failure = values.failure(f.kind(), Report.summaryOf(f), token, accesses(f),
          f.cause().orElse(null));
      return values.failed(executions, seed, failure, report(executions, seed, coverage,
          new Report.Failed(f, trace, token, shrinking, lenientDivergence, printed)));
    }

    private List<UncontrolledClass> uncontrolled() {
      List<UncontrolledClass> classes = new ArrayList<>();
      for (UncontrolledClasses.Entry e : UncontrolledClasses.stopWatching(watch)) {
        classes.add(ApiValues.get().uncontrolledClass(e.className(), e.reason()));
      }
      return classes;
    }

    @Override
    public void close() {
      // What the executions left does not leak into the code after the exploration, nor into
      // the next exploration's baseline (a replay first, then an exploration, see the same state).
      if (options.resetStatics()) StaticBaselines.restoreAll();
      output.close();
      UncontrolledClasses.stopWatching(watch);
    }
  }

  /** The API's accesses of a data race, in the order they happened; else none. */
  private static List<Access> accesses(FailureDetails f) {
    if (!(f instanceof DataRace race)) return List.of();
    return List.of(access(race.first()), access(race.then()));
  }

  private static Access access(RacyAccess a) {
    return ApiValues.get().access(Names.thread(a.thread()), a.operation(), a.where(), a.kind());
  }
}
