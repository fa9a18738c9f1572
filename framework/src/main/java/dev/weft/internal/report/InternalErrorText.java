package dev.weft.internal.report;

import dev.weft.internal.failure.WeftInternalError;
import java.util.List;

/** Weft's own failure: never the program's bug, and a request for a bug report. */
final class InternalErrorText implements FailureText {
  static final String WHAT_TO_DO = "This is a bug in Weft, not in the code under test: the same"
      + " code does not fail this way without Weft. Please report it with this text and the"
      + " replay token below. Until it is fixed, keep the affected class out of the explored body"
      + " or run the test without Weft.";

  private final WeftInternalError error;

  InternalErrorText(WeftInternalError error) {
    this.error = error;
  }

  @Override
  public String summary() {
    Throwable culprit = error.culprit();
    return "WEFT INTERNAL ERROR: " + culprit.getClass().getName()
        + (culprit.getMessage() == null ? "" : ": " + FailureText.firstLine(culprit.getMessage()))
        + " in " + Names.thread(error.thread()) + " (a bug in Weft, not in the code under test)";
  }

  @Override
  public List<Paragraph> details() {
    StringBuilder details = new StringBuilder();
    details.append("  ").append(Names.thread(error.thread())).append(" threw ")
        .append(error.thrown()).append('\n');
    details.append(StackText.render(error.culprit().getStackTrace()));
    if (error.culprit() != error.thrown()) {
      details.append("  (wrapped by the code under test in ").append(error.thrown())
          .append(")\n");
    }
    details.append(WHAT_TO_DO).append('\n');
    return List.of(new Paragraph("exception", details.toString()));
  }
}
