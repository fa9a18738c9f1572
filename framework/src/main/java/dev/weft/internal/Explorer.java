package dev.weft.internal;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.ExecutionFailure;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.scheduler.PctStrategy;
import dev.weft.scheduler.RandomWalkStrategy;
import dev.weft.scheduler.RecordingStrategy;
import dev.weft.scheduler.ReplayDivergedException;
import dev.weft.scheduler.ReplayStrategy;
import dev.weft.scheduler.ReplayToken;
import dev.weft.scheduler.Schedule;
import dev.weft.scheduler.SchedulingStrategy;
import java.util.Objects;
import java.util.SplittableRandom;

/** Drives explorations and replays: one execution after another, until one fails. */
public final class Explorer {
  private Explorer() {}

  public static Result explore(Options options, Weft.Body body) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(body, "body");
    prepareRuntime();
    long seed = options.seed().isPresent() ? options.seed().getAsLong()
        : new SplittableRandom().nextLong();
    SchedulingStrategy base = switch (options.strategy()) {
      case RANDOM -> new RandomWalkStrategy(seed);
      case PCT -> new PctStrategy(seed, PctStrategy.DEFAULT_DEPTH);
    };
    RecordingStrategy recorder = new RecordingStrategy(base, seed);
    long deadline = System.nanoTime() + options.timeLimit().toNanos();
    int executions = 0;
    for (int i = 0; i < options.iterations(); i++) {
      recorder.startExecution(i);
      ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, options.maxSteps(),
          options.stallTimeout());
      executions++;
      recorder.finishExecution(outcome.steps());
      if (outcome.strategyError() != null) throw outcome.strategyError();
      if (outcome.failure() != null) {
        String token = ReplayToken.encode(recorder.recordedSchedule());
        return failed(outcome.failure(), token, executions, seed, options);
      }
      if (System.nanoTime() - deadline > 0) break;
    }
    return new Result(executions, seed, null,
        ReportText.passed(executions, seed, options.strategy()));
  }

  public static Result replay(Options options, String token, Weft.Body body) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(body, "body");
    Schedule schedule = ReplayToken.decode(token.trim());
    prepareRuntime();
    ReplayStrategy replay = new ReplayStrategy(schedule, false);
    RecordingStrategy recorder = new RecordingStrategy(replay, schedule.seed());
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, options.maxSteps(),
        options.stallTimeout());
    recorder.finishExecution(outcome.steps());
    if (outcome.strategyError() != null) throw outcome.strategyError();
    if (outcome.failure() != null) {
      return failed(outcome.failure(), ReplayToken.encode(recorder.recordedSchedule()), 1,
          schedule.seed(), options);
    }
    if (replay.unusedChoices() > 0) {
      throw new ReplayDivergedException(schedule.length() - replay.unusedChoices(),
          "the program ended after " + (schedule.length() - replay.unusedChoices())
              + " choices but the schedule holds " + schedule.length());
    }
    return new Result(1, schedule.seed(), null, ReportText.replayPassed(token));
  }

  private static void prepareRuntime() {
    AgentInstaller.ensureInstalled();
    ControlledRuntime.activate();
  }

  private static Result failed(ExecutionFailure f, String token, int executions, long seed,
      Options options) {
    Failure failure = new Failure(f.kind(), f.summary(), token, f.accesses(), f.cause());
    return new Result(executions, seed, failure,
        ReportText.failed(f, token, executions, seed, options.strategy()));
  }
}
