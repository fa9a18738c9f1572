package dev.weft.internal.runtime;

import dev.weft.Failure;
import java.time.Duration;
import java.util.List;

/** Explains a loss of control: the watchdog's verdict. */
final class LostControlReport {
  private LostControlReport() {}

  private static final String WHY =
      "Weft runs one thread at a time and regains control at synchronization points. A thread that"
          + " blocks in native code, I/O, or a lock Weft does not instrument (or computes for very"
          + " long) never hands the turn back.\n"
          + "Fix: keep I/O and external services out of the explored body (use in-memory fakes),"
          + " or raise the stall timeout if the code really computes that long"
          + " (@RaceTest(stallTimeoutSeconds = 30), -Dweft.stallTimeoutSeconds=30 or"
          + " Options.stallTimeout).";

  static ExecutionFailure stalled(Execution execution, Duration timeout) {
    ControlledThread t = execution.running();
    String who = t == null ? "a thread" : t.displayName();
    StackTraceElement[] stack = t == null ? new StackTraceElement[0] : t.thread.getStackTrace();
    String state = t == null ? "?" : t.thread.getState().toString();
    String summary = "LOST CONTROL: " + who + " ran for " + timeout.toSeconds()
        + " s without reaching a scheduling point (state " + state + ") at "
        + StackRendering.shortLocation(StackRendering.firstApplicationFrame(stack));
    return new ExecutionFailure(Failure.Kind.LOST_CONTROL, summary,
        "  " + who + " is " + state + ":\n" + StackRendering.render(stack) + WHY, null, List.of());
  }

  static ExecutionFailure didNotStop(List<ControlledThread> stuck) {
    StringBuilder details = new StringBuilder();
    for (ControlledThread t : stuck) {
      details.append("  ").append(t.displayName()).append(" is ").append(t.thread.getState())
          .append(":\n").append(StackRendering.render(t.thread.getStackTrace()));
    }
    return new ExecutionFailure(Failure.Kind.LOST_CONTROL,
        "LOST CONTROL: " + stuck.size() + " thread(s) kept running after the execution ended",
        details + WHY, null, List.of());
  }
}
