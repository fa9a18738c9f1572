package dev.weft.internal;

import dev.weft.Access;
import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.UncontrolledClass;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.agent.UncontrolledClasses;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.PrintedOutput;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.report.Names;
import dev.weft.internal.report.Report;
import dev.weft.internal.report.Shrinking;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.scheduler.FailingRun;
import dev.weft.scheduler.RecordingStrategy;
import dev.weft.scheduler.ReplayDivergedException;
import dev.weft.scheduler.ReplayStrategy;
import dev.weft.scheduler.ReplayToken;
import dev.weft.scheduler.Schedule;
import dev.weft.scheduler.ScheduleShrinker;
import dev.weft.scheduler.SchedulingStrategy;
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
    try (Session session = new Session(options, body)) {
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
        ProgramOutput.Capture printed = session.output.capture(true);
        ExecutionRunner.Outcome outcome = session.run(recorder, null);
        executions++;
        recorder.finishExecution(outcome.steps());
        if (outcome.strategyError() != null) {
          session.output.print(printed);
          throw outcome.strategyError();
        }
        if (outcome.failure() != null) {
          return shrunkFailure(session, outcome.failure(), session.output.lines(printed),
              FailingRun.recordedBy(recorder), executions, seed);
        }
        session.output.print(printed);
        if (System.nanoTime() - deadline > 0) break;
      }
      return ApiValues.get().passed(executions, seed, session.report(executions, seed,
          new Report.Passed(options.iterations(), strategyEnded, 0, options.timeLimit())));
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
    try (Session session = new Session(options, body)) {
      boolean[] usedCommonPool = {false};
      for (int attempt = 1; ; attempt++) {
        try {
          return replayOnce(session, token, schedule, usedCommonPool);
        } catch (ReplayDivergedException e) {
          // A program on the common pool shares JVM-wide state that may not have settled yet, so
          // it gets another try; any other divergence is final at once.
          if (!usedCommonPool[0]) throw e;
          if (attempt == REPLAY_ATTEMPTS) return replayLeniently(session, schedule, e);
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
        ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), null,
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
          ReplayToken.encode(recorder.recordedSchedule()), 1, schedule.seed(), null, null,
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
        session.report(1, schedule.seed(), new Report.ReplayPassed(token)));
  }

  /**
   * Shrinks the failing schedule (fewest preemptions, then fewest steps, same failure) and reports
   * the shrunk execution, so that the token and the report show the simplest interleaving found.
   */
  private static Result shrunkFailure(Session session, FailureDetails found,
      PrintedOutput foundOutput, FailingRun run, int executions, long seed) {
    Options options = session.options;
    FailureSignature wanted = FailureSignature.of(found);
    ShrinkResult shrink = new ScheduleShrinker(options.shrinkRuns(), options.shrinkTime())
        .shrink(run, candidate -> {
          RecordingStrategy recorder =
              new RecordingStrategy(new ReplayStrategy(candidate, true), seed);
          recorder.startExecution(0);
          ProgramOutput.Capture dropped = session.output.capture(false);
          ExecutionRunner.Outcome outcome = session.run(recorder, null);
          session.output.end(dropped);
          return matches(outcome, wanted)
              ? Optional.of(FailingRun.recordedBy(recorder)) : Optional.empty();
        });
    // The report comes from one more strict, traced run of the schedule it prints: full stacks
    // and the interleaving then match the token exactly. Fall back to the schedule as found.
    Schedule shown = shrink.schedule();
    Traced traced = tracedRun(session, shown, wanted);
    if (traced == null && shrink.improved()) {
      shown = run.schedule();
      traced = tracedRun(session, shown, wanted);
    }
    Shrinking shrinking = new Shrinking(shrink.originalPreemptions(), shrink.originalSteps(),
        shrink.preemptions(), shrink.steps(), shrink.reExecutions(), true, traced != null,
        false, options.timeLimit());
    return traced == null
        ? session.failed(found, new Trace(), ReplayToken.encode(shown), executions, seed,
            shrinking, null, foundOutput)
        : session.failed(traced.outcome.failure(), traced.trace, ReplayToken.encode(shown),
            executions, seed, shrinking, null, traced.output);
  }

  private static boolean matches(ExecutionRunner.Outcome outcome, FailureSignature wanted) {
    return outcome.failure() != null && outcome.strategyError() == null
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
    final ProgramOutput output;
    private final UncontrolledClasses.Watch watch;

    Session(Options options, Body body) {
      this.options = options;
      this.body = body;
      this.watch = UncontrolledClasses.startWatching();
      this.output = ProgramOutput.install();
    }

    ExecutionRunner.Outcome run(RecordingStrategy recorder, Trace trace) {
      return ExecutionRunner.run(body, recorder, options.maxSteps(), options.stallTimeout(),
          options.raceDetection(), trace);
    }

    /** One traced execution under {@code recorder}, from a settled runtime. */
    Traced traced(RecordingStrategy recorder) {
      prepareRuntime();
      Trace trace = new Trace();
      recorder.startExecution(0);
      ProgramOutput.Capture printed = output.capture(true);
      ExecutionRunner.Outcome outcome = run(recorder, trace);
      recorder.finishExecution(outcome.steps());
      return new Traced(outcome, trace, printed, output.lines(printed));
    }

    Report report(int executions, long seed, Report.Outcome outcome) {
      return Report.of(executions, seed, options.strategy(), uncontrolled(), outcome);
    }

    Result failed(FailureDetails f, Trace trace, String token, int executions, long seed,
        Shrinking shrinking, String lenientDivergence, PrintedOutput printed) {
      ApiValues values = ApiValues.get();
      Failure failure = values.failure(f.kind(), Report.summaryOf(f), token, accesses(f),
          f.cause().orElse(null));
      return values.failed(executions, seed, failure, report(executions, seed,
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
