package dev.weft.internal.diagnosis;

import dev.weft.Failure;
import dev.weft.internal.runtime.ExecutionFailure;
import dev.weft.internal.runtime.StackRendering;
import java.util.List;

/** The report of a failure that is Weft's, not the program's (see {@link InternalErrors}). */
public final class InternalErrorReport {
  private InternalErrorReport() {}

  static final String WHAT_TO_DO = "This is a bug in Weft, not in the code under test: the same"
      + " code does not fail this way without Weft. Please report it with this text and the"
      + " replay token below. Until it is fixed, keep the affected class out of the explored body"
      + " or run the test without Weft.";

  /** The internal-error failure for {@code error} thrown in {@code threadName}, or null. */
  public static ExecutionFailure describeIfInternal(String threadName, Throwable error) {
    Throwable culprit = InternalErrors.culprit(error);
    if (culprit == null) return null;
    String summary = "WEFT INTERNAL ERROR: " + culprit.getClass().getName()
        + (culprit.getMessage() == null ? "" : ": " + firstLine(culprit.getMessage()))
        + " in " + threadName + " (a bug in Weft, not in the code under test)";
    StringBuilder details = new StringBuilder();
    details.append("  ").append(threadName).append(" threw ").append(error).append('\n');
    details.append(StackRendering.render(culprit.getStackTrace()));
    if (culprit != error) details.append("  (wrapped by the code under test in ").append(error)
        .append(")\n");
    details.append(WHAT_TO_DO).append('\n');
    return new ExecutionFailure(Failure.Kind.INTERNAL_ERROR, summary, details.toString(), culprit,
        List.of());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }
}
