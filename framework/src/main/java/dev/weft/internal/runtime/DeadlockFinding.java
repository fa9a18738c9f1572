package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.ThreadRef;
import dev.weft.internal.failure.WaitEdge;
import java.util.ArrayList;
import java.util.List;

/** A deadlock as a typed failure: for each blocked thread, what it waits for, who holds it, where. */
final class DeadlockFinding {
  private DeadlockFinding() {}

  static Deadlock of(Execution execution) {
    boolean bodyReturned = execution.bodyReturned();
    List<WaitEdge> edges = new ArrayList<>();
    List<ThreadRef> neverEnding = new ArrayList<>();
    List<ThreadRef> idleWorkers = new ArrayList<>();
    for (ControlledThread t : execution.threads()) {
      if (!t.isBlocked()) continue;
      if (t.waitsForATask()) {
        // A pool worker waiting for work is blocked, but gives nothing to anyone: not a cause.
        idleWorkers.add(t.ref());
        continue;
      }
      List<StackTraceElement> stack = StackFrames.ofTheProgram(t.thread.getStackTrace());
      Blocker blocker = t.blocker;
      StackTraceElement at = blocker.site() >= 0 ? SiteRegistry.location(blocker.site())
          : StackFrames.firstApplicationFrame(stack);
      Blocker.Awaiting awaiting = blocker.awaiting(t, execution);
      edges.add(new WaitEdge(t.ref(), awaiting.awaited(), at, awaiting.holders(), stack,
          t.daemon));
      if (bodyReturned && !t.daemon) neverEnding.add(t.ref());
    }
    return new Deadlock(edges, neverEnding, idleWorkers);
  }
}
