package dev.weft.internal.runtime;

import dev.weft.Failure;
import dev.weft.internal.diagnosis.InternalErrorReport;
import dev.weft.internal.linearizability.NotLinearizableError;
import java.util.List;

/** Explains an exception that escaped the body or a controlled thread. */
final class ExceptionReport {
  private ExceptionReport() {}

  static ExecutionFailure describe(ControlledThread thread, Throwable error) {
    // A linearizability check's verdict carries its own report (it is thrown from Weft's code,
    // so it must be recognised before anything that looks like Weft's own failure).
    if (error instanceof NotLinearizableError violation) return violation.executionFailure();
    ExecutionFailure own = InternalErrorReport.describeIfInternal(thread.displayName(), error);
    if (own != null) return own;
    StackTraceElement where = StackRendering.firstApplicationFrame(error.getStackTrace());
    String message = error.getMessage() == null ? "" : ": " + firstLine(error.getMessage());
    String summary = error.getClass().getName() + message + " in " + thread.displayName()
        + " at " + StackRendering.shortLocation(where);
    StringBuilder details = new StringBuilder();
    details.append("  ").append(thread.displayName()).append(" threw ").append(error).append('\n');
    details.append(StackRendering.render(error.getStackTrace()));
    for (Throwable c = error.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      details.append("  caused by ").append(c).append('\n');
      details.append(StackRendering.render(c.getStackTrace()));
    }
    return new ExecutionFailure(Failure.Kind.EXCEPTION, summary, details.toString(), error,
        List.of());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }
}
