package dev.weft.internal;

import dev.weft.Strategy;
import dev.weft.internal.runtime.ExecutionFailure;

/** The plain-text report: what happened first, then the details, then how to replay it. */
final class ReportText {
  private ReportText() {}

  static String failed(ExecutionFailure f, String token, int executions, long seed,
      Strategy strategy, String shrinking) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.summary()).append('\n');
    sb.append("Found in execution ").append(executions).append(" (seed ").append(seed)
        .append(", ").append(strategy).append(").");
    if (!shrinking.isEmpty()) sb.append(' ').append(shrinking);
    sb.append('\n');
    if (!f.details().isEmpty()) {
      sb.append('\n').append(f.details());
      if (!f.details().endsWith("\n")) sb.append('\n');
    }
    sb.append('\n').append("Reproduce with: -Dweft.replay=").append(token);
    return sb.toString();
  }

  static String passed(int executions, long seed, Strategy strategy) {
    return "No failure in " + executions + " executions (seed " + seed + ", " + strategy + ").";
  }

  static String replayPassed(String token) {
    return "The replayed execution passed: the failure of token " + token
        + " no longer happens.";
  }
}
