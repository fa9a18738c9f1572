package dev.weft.scheduler;

/**
 * Moves each preemption later or earlier. A preemption moved later, past the point where the
 * preempted thread blocks or ends, becomes a free switch; one moved earlier, back to where the
 * preempted thread was picked freely, makes that free pick choose the other thread instead. Either
 * way a preemption disappears without the interleaving that matters changing. Distances double,
 * so each preemption costs a logarithmic number of runs.
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
    int[] choices = run.schedule().choices();
    int preempted = run.runningBefore(at);
    for (int d = 1; d <= run.steps() && !session.exhausted(); d *= 2) {
      if (session.tryChoices(later(choices, at, preempted, d))) return true;
    }
    int room = 0;
    while (room < at && choices[at - 1 - room] == preempted
        && run.runningBefore(at - 1 - room) != RecordingStrategy.NOT_A_THREAD_DECISION) {
      room++;
    }
    for (int d = 1; d <= room && !session.exhausted(); d = nextDistance(d, room)) {
      if (session.tryChoices(earlier(choices, at, d))) return true;
    }
    return false;
  }

  /** 1, 2, 4, ... and {@code room} itself, which reaches back to where the thread was picked. */
  private static int nextDistance(int d, int room) {
    return d == room ? room + 1 : Math.min(room, 2 * d);
  }

  /** The preempted thread makes {@code d} more choices before the switch. */
  private static int[] later(int[] choices, int at, int preempted, int d) {
    int[] result = new int[choices.length + d];
    System.arraycopy(choices, 0, result, 0, at);
    for (int k = 0; k < d; k++) result[at + k] = preempted;
    System.arraycopy(choices, at, result, at + d, choices.length - at);
    return result;
  }

  /** The {@code d} choices before the switch, all of the preempted thread, are dropped. */
  private static int[] earlier(int[] choices, int at, int d) {
    int[] result = new int[choices.length - d];
    System.arraycopy(choices, 0, result, 0, at - d);
    System.arraycopy(choices, at, result, at - d, choices.length - at);
    return result;
  }
}
