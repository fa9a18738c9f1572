package dev.weft.scheduler;

/**
 * Moves each preemption later or earlier by moving steps of the preempted thread between the
 * segment it was preempted in and its next one. A preemption moved later, past the point where the
 * preempted thread blocks or ends, becomes a free switch; one moved all the way back to where the
 * preempted thread was picked freely turns into that free pick. Either way a preemption
 * disappears while each thread still does the same work. Distances double, so each preemption
 * costs a logarithmic number of runs.
 */
final class PreemptionShiftPass implements ShrinkPass {

  @Override
  public void apply(ShrinkSession session) {
    int k = 0;
    while (!session.exhausted()) {
      FailingRun run = session.best();
      if (k >= run.preemptions()) return;
      // After a success the k-th preemption is a different one: try it too.
      if (!shift(session, run, run.preemptionIndices()[k])) k++;
    }
  }

  private static boolean shift(ShrinkSession session, FailingRun run, int at) {
    Segments seg = new Segments(run);
    int intruding = seg.segmentStartingAt(at);
    if (intruding < 1 || seg.thread(intruding - 1) != run.runningBefore(at)) return false;
    int preempted = intruding - 1;
    int next = seg.nextOfThread(preempted);
    int later = next < 0 ? run.steps() : seg.steps(next);
    for (int d = 1; d <= later && !session.exhausted(); d = nextDistance(d, later)) {
      int[] candidate = next < 0 ? seg.inserted(at, seg.thread(preempted), d)
          : seg.moved(seg.start(next), seg.stepStart(next, d), at);
      if (session.tryChoices(candidate)) return true;
    }
    int earlier = seg.steps(preempted);
    int target = next < 0 ? seg.length() : seg.start(next);
    for (int d = 1; d <= earlier && !session.exhausted(); d = nextDistance(d, earlier)) {
      int from = seg.stepStart(preempted, earlier - d);
      if (session.tryChoices(seg.moved(from, at, target))) return true;
    }
    return false;
  }

  /** 1, 2, 4, ... and {@code max} itself: a whole segment moved is the most useful move. */
  private static int nextDistance(int d, int max) {
    return d == max ? max + 1 : Math.min(max, 2 * d);
  }
}
