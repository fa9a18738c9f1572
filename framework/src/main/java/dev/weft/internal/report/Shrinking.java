package dev.weft.internal.report;

import java.time.Duration;
import java.util.Objects;

/**
 * What shrinking did to a failing schedule: preemptions and steps before and after, how many
 * re-executions it took, and how the time limit shaped it.
 *
 * @param attempted whether shrinking ran (a loss of control is not shrunk: every re-execution
 *     would wait for the watchdog again; past the time limit nothing is)
 * @param traced whether the traced re-run that shows the interleaving ran
 * @param outOfTime whether the exploration's time limit was reached
 * @param timeLimit the exploration's time limit
 * @param shownPreemptions the preemptions of the schedule the report shows (the shrunk one, or
 *     the one found when the shrunk one could not be re-run)
 */
public record Shrinking(int fromPreemptions, int fromSteps, int toPreemptions, int toSteps,
    int reExecutions, boolean attempted, boolean traced, boolean outOfTime, Duration timeLimit,
    int shownPreemptions) {

  public Shrinking {
    Objects.requireNonNull(timeLimit, "timeLimit");
  }

  /**
   * {@code Shrunk from 2 preemptions / 22 steps to 1 / 22 in 21 re-executions.}, the form tools
   * and tests read; or why it was not shrunk, and whether time was left for the interleaving.
   * Fewer preemptions come first, so the steps may grow: without a preemption a thread runs on
   * instead of handing the turn over, and that is said. Empty when there is nothing to say.
   */
  String sentence() {
    String sentence;
    if (attempted) {
      sentence = "Shrunk from " + fromPreemptions + " preemptions / " + fromSteps
          + " steps to " + toPreemptions + " / " + toSteps + " in " + reExecutions(reExecutions)
          + ".";
      if (toSteps > fromSteps) {
        sentence += " Fewer preemptions come first, and they can take more steps: without a"
            + " preemption a thread runs on instead of handing the turn over.";
      }
    } else if (outOfTime) {
      sentence = "Not shrunk: the time limit (" + Durations.brief(timeLimit) + ") was reached.";
    } else {
      sentence = "";
    }
    if (!traced && outOfTime) {
      sentence += (sentence.isEmpty() ? "" : " ") + "No time was left to re-run it for the"
          + " interleaving: replay the token to see it.";
    }
    return sentence;
  }

  private static String reExecutions(int n) {
    return n + (n == 1 ? " re-execution" : " re-executions");
  }
}
