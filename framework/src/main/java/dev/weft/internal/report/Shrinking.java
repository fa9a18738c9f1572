package dev.weft.internal.report;

/**
 * What shrinking did to a failing schedule: preemptions and steps before and after, and how many
 * re-executions it took.
 */
public record Shrinking(int fromPreemptions, int fromSteps, int toPreemptions, int toSteps,
    int reExecutions) {

  /**
   * {@code Shrunk from 2 preemptions / 22 steps to 1 / 22 in 21 re-executions.}, the form tools
   * and tests read. Fewer preemptions come first, so the steps may grow: without a preemption a
   * thread runs on instead of handing the turn over, and that is said.
   */
  String sentence() {
    String sentence = "Shrunk from " + fromPreemptions + " preemptions / " + fromSteps
        + " steps to " + toPreemptions + " / " + toSteps + " in " + reExecutions(reExecutions)
        + ".";
    if (toSteps > fromSteps) {
      sentence += " Fewer preemptions come first, and they can take more steps: without a"
          + " preemption a thread runs on instead of handing the turn over.";
    }
    return sentence;
  }

  private static String reExecutions(int n) {
    return n + (n == 1 ? " re-execution" : " re-executions");
  }
}
