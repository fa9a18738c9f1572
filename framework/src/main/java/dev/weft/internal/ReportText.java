package dev.weft.internal;

import dev.weft.Strategy;
import dev.weft.internal.runtime.ExecutionFailure;

/**
 * The plain-text report: what happened first, then the details. How to replay a failure is
 * added by {@link Report}, in the words of whoever shows it.
 */
final class ReportText {
  private ReportText() {}

  private static final String REPRODUCE = "Reproduce with: ";

  /**
   * @param foundIn the second line, up to {@code shrinking}: {@code Found in execution 12 (seed
   *     42, PCT).}
   */
  static String failed(ExecutionFailure f, String foundIn, String shrinking) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.summary()).append('\n');
    sb.append(foundIn);
    if (!shrinking.isEmpty()) sb.append(' ').append(shrinking);
    sb.append('\n');
    if (!f.details().isEmpty()) {
      sb.append('\n').append(f.details());
      if (!f.details().endsWith("\n")) sb.append('\n');
    }
    return sb.toString();
  }

  /** {@code Found in execution 1 (seed 3, PCT).} */
  static String foundIn(int executions, long seed, Strategy strategy) {
    return "Found in execution " + executions + " (seed " + seed + ", " + strategy + ").";
  }

  /** The last line of a failure's report: {@code Reproduce with: <command>}. */
  static String reproduceWith(String replayCommand) {
    return REPRODUCE + replayCommand;
  }

  /** How the programmatic API replays {@code token}. */
  static String apiReplayCommand(String token) {
    return "Weft.replay(\"" + token + "\", body)";
  }

  static String passed(int executions, long seed, Strategy strategy) {
    return "No failure in " + executions + " executions (seed " + seed + ", " + strategy + ").";
  }

  /**
   * A pass that ended because the strategy had no more schedules to try, before the iterations
   * allowed were used up.
   */
  static String passedStrategyEnded(int executions, long seed, Strategy strategy,
      int iterations) {
    return passed(executions, seed, strategy) + " The strategy ended the search after "
        + executions + " of the " + iterations + " executions allowed: it had no more schedules"
        + " to try.";
  }

  static String replayPassed(String token) {
    return "The replayed execution passed: the failure of token " + token
        + " no longer happens.";
  }
}
