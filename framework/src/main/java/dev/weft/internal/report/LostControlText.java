package dev.weft.internal.report;

import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.StackFrames;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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

  private static final String REAL_TIME_WAIT =
      "Weft puts waits with a timeout on a virtual clock where it controls them: in application"
          + " classes it instruments. This thread waits for real, where Weft does not (in a class"
          + " it could not instrument, or the JDK waiting on its own), and returns to a"
          + " scheduling point now and then, so the execution could run forever.\n"
          + "Fix: keep such waits out of the explored body, or make the class instrumentable"
          + " (the result lists the classes that ran uncontrolled).\n";
  private static final String OUT_OF_TIME =
      "An execution that takes longer than the whole exploration may take either waits where"
          + " Weft cannot see it or does too much work for one execution.\n"
          + "Fix: explore a smaller body, or raise the time limit"
          + " (@RaceTest(timeLimitSeconds = 600), -Dweft.timeLimitSeconds=600 or"
          + " Options.timeLimit).\n";

  private static final String VIRTUAL_THREAD_BEFORE_JDK_24 =
      "Weft schedules virtual threads on JDK 24 and later. A controlled thread waits for its turn"
          + " by parking, and before JDK 24 a virtual thread that parks inside a synchronized block"
          + " pins its carrier thread: with every carrier pinned, the virtual thread whose turn it"
          + " is could never run. Its code would run outside the schedule, none of its"
          + " interleavings would be explored and none of its races found, so the execution ends"
          + " here instead of passing untested.\n"
          + "Fix: run the tests on JDK 24 or later; or, in the explored body, start platform"
          + " threads (new Thread(...), Thread.ofPlatform()) or use an executor of platform threads"
          + " (Executors.newFixedThreadPool) where the code under test takes a thread factory or"
          + " an executor.\n";
  private static final String VIRTUAL_THREAD_UNINSTRUMENTED =
      "Weft adopts a virtual thread where java.lang.VirtualThread starts and runs it, and its"
          + " agent could not instrument that class in this JVM (the log says why, after"
          + " \"[weft] could not instrument java.lang.VirtualThread\"). The virtual thread's code"
          + " would run outside the schedule, untested, so the execution ends here instead.\n"
          + "Fix: load the agent at start-up (-javaagent), or, in the explored body, start platform"
          + " threads (new Thread(...), Thread.ofPlatform()).\n";

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
          + Names.where(t == null ? null : StackFrames
              .firstApplicationFrame(t.stack()));
    }
    if (lost instanceof LostControl.RealTimeWait w) {
      LostControl.ThreadState t = w.running();
      return "LOST CONTROL: " + Names.thread(t.thread()) + " spent " + seconds(w.waited())
          + " waiting in real time (state " + t.state() + ") at "
          + Names.where(StackFrames.firstApplicationFrame(t.stack())) + whereItWaits(t.stack());
    }
    if (lost instanceof LostControl.OutOfTime o) {
      LostControl.ThreadState t = o.running();
      return "LOST CONTROL: the execution did not end within the time limit; "
          + (t == null ? "a thread" : Names.thread(t.thread())) + " was running at "
          + Names.where(t == null ? null : StackFrames.firstApplicationFrame(t.stack()));
    }
    if (lost instanceof LostControl.KeptRunning k) {
      int n = k.threads().size();
      return "LOST CONTROL: " + n + (n == 1 ? " thread" : " threads")
          + " kept running after the execution ended";
    }
    if (lost instanceof LostControl.VirtualThreadCreated v) {
      return "LOST CONTROL: " + Names.thread(v.creator().thread()) + " created a virtual thread"
          + " at " + Names.where(StackFrames.firstApplicationFrame(v.creator().stack()))
          + (v.jdkTooOld() ? ", which Weft controls on JDK 24 and later only"
              : ", which Weft cannot control: java.lang.VirtualThread is not instrumented");
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
    if (lost instanceof LostControl.RealTimeWait w) {
      return List.of(new Paragraph("thread-" + w.running().thread().id(), state(w.running())),
          new Paragraph("why", REAL_TIME_WAIT));
    }
    if (lost instanceof LostControl.OutOfTime o) {
      return o.running() == null ? List.of(new Paragraph("why", OUT_OF_TIME))
          : List.of(new Paragraph("thread-" + o.running().thread().id(), state(o.running())),
              new Paragraph("why", OUT_OF_TIME));
    }
    if (lost instanceof LostControl.KeptRunning k) {
      StringBuilder sb = new StringBuilder();
      for (LostControl.ThreadState t : k.threads()) sb.append(state(t));
      return List.of(new Paragraph("threads", sb.toString()), new Paragraph("why", WHY));
    }
    if (lost instanceof LostControl.VirtualThreadCreated v) {
      return List.of(new Paragraph("thread-" + v.creator().thread().id(), state(v.creator())),
          new Paragraph("why",
              v.jdkTooOld() ? VIRTUAL_THREAD_BEFORE_JDK_24 : VIRTUAL_THREAD_UNINSTRUMENTED));
    }
    if (lost instanceof LostControl.AgentInactive) {
      return List.of(new Paragraph("why", "  Thread.run() carries no Weft instrumentation in this"
          + " JVM: start it with Weft's agent (-javaagent:<weft-framework jar>).\n"));
    }
    return List.of();
  }

  /**
   * {@code (in Object.wait)}: how it waits, named by the outermost of the innermost frames of one
   * class, which is the method the program called rather than the JDK's private helper under it
   * ({@code Object.wait0} on JDK 25, {@code Thread.sleep0}).
   */
  private static String whereItWaits(List<StackTraceElement> stack) {
    if (stack.isEmpty()) return "";
    String type = stack.get(0).getClassName();
    StackTraceElement called = stack.get(0);
    for (StackTraceElement frame : stack) {
      if (!frame.getClassName().equals(type)) break;
      called = frame;
    }
    return " (in " + Names.className(type) + "." + called.getMethodName() + ")";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String state(LostControl.ThreadState t) {
    return "  " + Names.thread(t.thread()) + " is " + t.state() + ":\n"
        + StackText.render(t.stack());
  }
}
