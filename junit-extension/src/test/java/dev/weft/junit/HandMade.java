package dev.weft.junit;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.internal.ApiValues;
import dev.weft.internal.report.Report;
import java.util.List;

/** Results made by hand, through the engine's own factory, for tests that run no exploration. */
final class HandMade {
  private HandMade() {}

  static Access access(String thread, String operation, StackTraceElement location,
      Access.Kind kind) {
    return ApiValues.get().access(thread, operation, location, kind);
  }

  /** A passing result whose report is {@code text}. */
  static Result passed(int executions, long seed, String text) {
    return ApiValues.get().passed(executions, seed, Report.written(executions, seed,
        new Report.Written(text, null, null, null)));
  }

  /** {@code result} as if it had taken {@code elapsed}. */
  static Result timed(Result result, java.time.Duration elapsed) {
    return ApiValues.get().withElapsed(result, elapsed);
  }

  /** A failing result whose report, before any replay line, is {@code text}. */
  static Result failed(int executions, long seed, Failure.Kind kind, String summary, String token,
      List<Access> accesses, String text) {
    ApiValues values = ApiValues.get();
    Failure failure = values.failure(kind, summary, token, accesses, null);
    return values.failed(executions, seed, failure,
        Report.written(executions, seed, new Report.Written(text, kind, summary, token)));
  }
}
