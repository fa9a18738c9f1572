package dev.weft.internal.report;

import dev.weft.internal.failure.LostControl;
import java.util.List;

/** A loss of control: the watchdog's verdict, and what to do about it. */
final class LostControlText implements FailureText {
  private static final String WHY =
      "Weft runs one thread at a time and regains control at synchronization points. A thread that"
          + " blocks in native code, I/O, or a lock Weft does not instrument (or computes for very"
          + " long) never hands the turn back.\n"
          + "Fix: keep I/O and external services out of the explored body (use in-memory fakes),"
          + " or raise the stall timeout if the code really computes that long"
          + " (@RaceTest(stallTimeoutSeconds = 30), -Dweft.stallTimeoutSeconds=30 or"
          + " Options.stallTimeout).\n";

  private final LostControl lost;

  LostControlText(LostControl lost) {
    this.lost = lost;
  }

  @Override
  public String summary() {
    if (lost instanceof LostControl.Stall s) {
      LostControl.ThreadState t = s.running();
      return "LOST CONTROL: " + (t == null ? "a thread" : Names.thread(t.thread())) + " ran for "
          + s.timeout().toSeconds() + " s without reaching a scheduling point (state "
          + (t == null ? "?" : t.state()) + ") at "
          + Names.where(t == null ? null : dev.weft.internal.failure.StackFrames
              .firstApplicationFrame(t.stack()));
    }
    if (lost instanceof LostControl.KeptRunning k) {
      int n = k.threads().size();
      return "LOST CONTROL: " + n + (n == 1 ? " thread" : " threads")
          + " kept running after the execution ended";
    }
    if (lost instanceof LostControl.AgentInactive) {
      return "LOST CONTROL: Weft's agent is not active: the body thread was not brought under"
          + " control";
    }
    if (lost instanceof LostControl.StrategyFailed f) {
      return "LOST CONTROL: " + f.error().getMessage();
    }
    return "LOST CONTROL: the exploration was interrupted";
  }

  @Override
  public List<Paragraph> details() {
    if (lost instanceof LostControl.Stall s) {
      return s.running() == null ? List.of(new Paragraph("why", WHY))
          : List.of(new Paragraph("thread-" + s.running().thread().id(), state(s.running())),
              new Paragraph("why", WHY));
    }
    if (lost instanceof LostControl.KeptRunning k) {
      StringBuilder sb = new StringBuilder();
      for (LostControl.ThreadState t : k.threads()) sb.append(state(t));
      return List.of(new Paragraph("threads", sb.toString()), new Paragraph("why", WHY));
    }
    if (lost instanceof LostControl.AgentInactive) {
      return List.of(new Paragraph("why", "  Thread.run() carries no Weft instrumentation in this"
          + " JVM: start it with Weft's agent (-javaagent:<weft-framework jar>).\n"));
    }
    return List.of();
  }

  private static String state(LostControl.ThreadState t) {
    return "  " + Names.thread(t.thread()) + " is " + t.state() + ":\n"
        + StackText.render(t.stack());
  }
}
