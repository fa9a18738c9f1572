package dev.weft.internal.report;

import dev.weft.internal.failure.Livelock;
import java.util.List;

/** An execution that exceeded its step bound. */
final class LivelockText implements FailureText {
  private final Livelock livelock;

  LivelockText(Livelock livelock) {
    this.livelock = livelock;
  }

  @Override
  public String summary() {
    return "LIVELOCK: no progress: the execution exceeded " + livelock.maxSteps()
        + " scheduling points";
  }

  @Override
  public List<Paragraph> details() {
    return List.of(new Paragraph("running", "  Threads kept running (spinning, retrying or"
        + " waiting with timeouts) without the execution ending. Running thread: "
        + Names.thread(livelock.running()) + "\n" + StackText.render(livelock.stack())
        + "  Fix: make a spinning or retrying thread wait for what it needs (a lock, a latch, a"
        + " queue) instead of polling; if the program really takes that many steps, raise the"
        + " bound (@RaceTest(maxSteps = ...), -Dweft.maxSteps=... or Options.maxSteps).\n"));
  }
}
