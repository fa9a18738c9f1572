package dev.weft.internal;

import dev.weft.scheduler.ShrinkResult;
import java.time.Duration;

/** The sentences a report adds when a time budget shaped what it shows. */
final class BudgetNotes {
  private BudgetNotes() {}

  /** The time limit ended execution {@code number} before it finished; it is not counted. */
  static String cutOff(int number, Duration timeLimit) {
    return " The time limit (" + seconds(timeLimit) + ") ended execution " + number
        + " before it finished; it is not counted.";
  }

  /**
   * The second line's sentence about shrinking: what it did, or why it did not, and whether the
   * time limit left room for the traced re-run that shows the interleaving.
   */
  static String shrinking(ShrinkResult shrink, boolean shrinkable, boolean traced,
      boolean outOfTime, Duration timeLimit) {
    String note;
    if (shrinkable) {
      note = "Shrunk from " + shrink.originalPreemptions() + " preemptions / "
          + shrink.originalSteps() + " steps to " + shrink.preemptions() + " / " + shrink.steps()
          + " in " + shrink.reExecutions() + " re-executions.";
    } else if (outOfTime) {
      note = "Not shrunk: the time limit (" + seconds(timeLimit) + ") was reached.";
    } else {
      note = "";
    }
    if (!traced && outOfTime) {
      note += (note.isEmpty() ? "" : " ") + "No time was left to re-run it for the interleaving:"
          + " replay the token to see it.";
    }
    return note;
  }

  private static String seconds(Duration d) {
    long s = d.toSeconds();
    return s >= 1 ? s + " s" : d.toMillis() + " ms";
  }
}
