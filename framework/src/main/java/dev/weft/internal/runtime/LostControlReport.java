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

  /**
   * The turn holder waited in real time (a timed {@code Object.wait}, a sleep or a blocking call
   * in code Weft does not control) for {@code waited} in all: it takes a step now and then, so it
   * never stalls, and never ends either.
   */
  static ExecutionFailure waitedInRealTime(Execution execution, Duration waited) {
    ControlledThread t = execution.running();
    StackTraceElement[] stack = t.thread.getStackTrace();
    StackTraceElement where = StackRendering.firstApplicationFrame(stack);
    String summary = "LOST CONTROL: " + t.displayName() + " spent " + seconds(waited)
        + " waiting in real time (state " + t.thread.getState() + ") at "
        + StackRendering.shortLocation(where) + whereItWaits(stack);
    return new ExecutionFailure(Failure.Kind.LOST_CONTROL, summary,
        "  " + t.displayName() + " is " + t.thread.getState() + ":\n"
            + StackRendering.render(stack)
            + "Weft puts waits with a timeout on a virtual clock where it controls them: in"
            + " application classes it instruments. This thread waits for real, where Weft does"
            + " not (in a class it could not instrument, or the JDK waiting on its own), and"
            + " returns to a scheduling point now and then, so the execution could run"
            + " forever.\n"
            + "Fix: keep such waits out of the explored body, or make the class instrumentable"
            + " (the result lists the classes that ran uncontrolled).",
        null, List.of());
  }

  /** The deadline (the time limit of the exploration, or of shrinking) ended the execution. */
  static ExecutionFailure outOfTime(Execution execution) {
    ControlledThread t = execution.running();
    StackTraceElement[] stack = t == null ? new StackTraceElement[0] : t.thread.getStackTrace();
    String who = t == null ? "a thread" : t.displayName();
    String summary = "LOST CONTROL: the execution did not end within the time limit; " + who
        + " was running at "
        + StackRendering.shortLocation(StackRendering.firstApplicationFrame(stack));
    return new ExecutionFailure(Failure.Kind.LOST_CONTROL, summary,
        "  " + who + " is " + (t == null ? "?" : t.thread.getState()) + ":\n"
            + StackRendering.render(stack)
            + "An execution that takes longer than the whole exploration may take either waits"
            + " where Weft cannot see it or does too much work for one execution.\n"
            + "Fix: explore a smaller body, or raise the time limit"
            + " (@RaceTest(timeLimitSeconds = 600), -Dweft.timeLimitSeconds=600 or"
            + " Options.timeLimit).",
        null, List.of());
  }

  /**
   * {@code (in Object.wait)}: how it waits, named by the outermost of the innermost frames of one
   * class, which is the method the program called rather than the JDK's private helper under it
   * ({@code Object.wait0} on JDK 25, {@code Thread.sleep0}).
   */
  private static String whereItWaits(StackTraceElement[] stack) {
    if (stack.length == 0) return "";
    String type = stack[0].getClassName();
    StackTraceElement called = stack[0];
    for (StackTraceElement frame : stack) {
      if (!frame.getClassName().equals(type)) break;
      called = frame;
    }
    return " (in " + type.substring(type.lastIndexOf('.') + 1) + "." + called.getMethodName()
        + ")";
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
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
