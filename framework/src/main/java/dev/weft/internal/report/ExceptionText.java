package dev.weft.internal.report;

import dev.weft.internal.failure.ExceptionFailure;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.TraceRow;
import java.util.List;

/** An exception that escaped the body or a controlled thread: where, and its causes. */
final class ExceptionText implements FailureText {
  private final ExceptionFailure failure;

  ExceptionText(ExceptionFailure failure) {
    this.failure = failure;
  }

  /**
   * {@code EXCEPTION in T1 (worker) at Cache.java:12: java.lang.IllegalStateException: boom}: the
   * kind first, like every report, so that a JUnit message does not start with the exception's
   * class twice (JUnit's own, then the one thrown).
   */
  @Override
  public String summary() {
    Throwable error = failure.error();
    return "EXCEPTION in " + Names.thread(failure.thread()) + " at "
        + Names.where(StackFrames.firstApplicationFrame(error.getStackTrace())) + ": "
        + FailureText.firstLine(String.valueOf(error));
  }

  @Override
  public List<Paragraph> details() {
    return List.of(new Paragraph("exception", thrown(Names.thread(failure.thread()),
        failure.error())));
  }

  @Override
  public String anchorOf(TraceRow marked, int index) {
    return "exception";
  }

  /** {@code T1 (worker) threw ...}, its stack and each cause with its stack. */
  static String thrown(String thread, Throwable error) {
    StringBuilder details = new StringBuilder();
    details.append("  ").append(thread).append(" threw ").append(error).append('\n');
    details.append(StackText.render(error.getStackTrace()));
    for (Throwable c = error.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      details.append("  caused by ").append(c).append('\n');
      details.append(StackText.render(c.getStackTrace()));
    }
    return details.toString();
  }
}
