package dev.weft;

import dev.weft.internal.ApiValues;
import dev.weft.internal.report.Report;
import java.util.List;
import java.util.Objects;

/** Builds the API's values for the engine, which reaches it as {@link ApiValues#get()}. */
final class ValueFactory extends ApiValues {

  @Override
  public Access access(String threadName, String operation, StackTraceElement location,
      Access.Kind kind) {
    return new Access(threadName, operation, location, kind);
  }

  @Override
  public Failure failure(Failure.Kind kind, String summary, String replayToken,
      List<Access> accesses, Throwable cause) {
    return new Failure(kind, summary, replayToken, accesses, cause);
  }

  @Override
  public UncontrolledClass uncontrolledClass(String className, String reason) {
    return new UncontrolledClass(className, reason);
  }

  @Override
  public Result passed(int executions, long seed, Report report) {
    return new Result(executions, seed, null, report);
  }

  @Override
  public Result failed(int executions, long seed, Failure failure, Report report) {
    return new Result(executions, seed, Objects.requireNonNull(failure, "failure"), report);
  }

  @Override
  public Result withElapsed(Result result, java.time.Duration elapsed) {
    return result.withElapsed(elapsed);
  }

  @Override
  public Result withCoverage(Result result, boolean exhausted, String coverage) {
    return result.withCoverage(exhausted, coverage);
  }

  @Override
  public ReplayDivergedException replayDiverged(int step, String message) {
    return new ReplayDivergedException(step, message);
  }
}
