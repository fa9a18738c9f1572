package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.WaitEdge;
import java.util.ArrayList;
import java.util.List;

/** A deadlock as a typed failure: for each blocked thread, what it waits for, who holds it, where. */
final class DeadlockFinding {
  private DeadlockFinding() {}

  static Deadlock of(Execution execution) {
    List<WaitEdge> edges = new ArrayList<>();
    for (ControlledThread t : execution.threads()) {
      if (!t.isBlocked()) continue;
      List<StackTraceElement> stack = StackFrames.ofTheProgram(t.thread.getStackTrace());
      Blocker blocker = t.blocker;
      StackTraceElement at = blocker.site() >= 0 ? SiteRegistry.location(blocker.site())
          : StackFrames.firstApplicationFrame(stack);
      Blocker.Awaiting awaiting = blocker.awaiting(t, execution);
      edges.add(
          new WaitEdge(t.ref(), awaiting.awaited(), at, awaiting.holders(), stack, false));
    }
    return new Deadlock(edges, List.of(), List.of());
  }
}
