package dev.weft.scheduler;

/**
 * Replays a recorded {@link Schedule}.
 *
 * <p>Strict mode (for users' replay tokens) throws {@link ReplayDivergedException} as soon as a
 * recorded choice does not fit the program. Lenient mode (for shrinking, where choices were
 * removed or moved on purpose) falls back to the running thread, or the lowest enabled thread when
 * the running one cannot go on, and keeps going the same way after the recorded choices run out:
 * that way it adds no preemptions. One exception keeps it from livelocking: a running thread that
 * just reported spinning hands over to the next enabled thread after it in id order, since it
 * waits for another thread and would otherwise spin until the step limit.
 */
public final class ReplayStrategy implements SchedulingStrategy {
  private final Schedule schedule;
  private final boolean lenient;
  private int next;
  private int deviations;
  private int spinning = -1;

  /**
   * @param schedule the choices to follow
   * @param lenient false to throw {@link ReplayDivergedException} when the schedule does not fit,
   *     true to fall back as described above
   */
  public ReplayStrategy(Schedule schedule, boolean lenient) {
    this.schedule = schedule;
    this.lenient = lenient;
  }

  @Override
  public void startExecution(int executionIndex) {
    next = 0;
    deviations = 0;
    spinning = -1;
  }

  @Override
  public void onThreadCreated(int threadId) {}

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    int spinner = spinning;
    spinning = -1;
    if (count == 1) return enabled[0];
    if (next < schedule.length()) {
      int wanted = schedule.choice(next++);
      for (int i = 0; i < count; i++) {
        if (enabled[i] == wanted) return wanted;
      }
      if (!lenient) {
        throw new ReplayDivergedException(next - 1, "the schedule runs T" + wanted
            + " but only " + describe(enabled, count) + " can run");
      }
      deviations++;
    } else if (!lenient) {
      throw new ReplayDivergedException(next, "the schedule ended (" + schedule.length()
          + " choices) but threads " + describe(enabled, count) + " still want to run");
    }
    return fallback(enabled, count, current, spinner);
  }

  /** Lenient mode's pick where the schedule has none that fits: no preemption, no livelock. */
  private static int fallback(int[] enabled, int count, int current, int spinner) {
    if (current < 0) return enabled[0];
    if (current != spinner) return current;
    for (int i = 0; i < count; i++) {
      if (enabled[i] > current) return enabled[i];
    }
    return enabled[0];
  }

  @Override
  public int pickInt(int bound) {
    if (bound <= 1) return 0;
    if (next < schedule.length()) {
      int wanted = schedule.choice(next++);
      if (wanted < bound) return wanted;
      if (!lenient) {
        throw new ReplayDivergedException(next - 1, "the schedule picks option " + wanted
            + " of only " + bound);
      }
      deviations++;
    } else if (!lenient) {
      throw new ReplayDivergedException(next, "the schedule ended (" + schedule.length()
          + " choices) but the program makes another choice");
    }
    return 0;
  }

  @Override
  public void onSpin(int threadId) {
    spinning = threadId;
  }

  @Override
  public void finishExecution(int steps) {}

  /**
   * Recorded choices the execution did not reach. After a passing strict replay this means the
   * program took a shorter path than the recorded one: it diverged.
   */
  public int unusedChoices() {
    return schedule.length() - next;
  }

  /** Recorded choices that could not be followed in lenient mode in this execution. */
  public int deviations() {
    return deviations;
  }

  private static String describe(int[] enabled, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(i == count - 1 ? " and " : ", ");
      sb.append('T').append(enabled[i]);
    }
    return sb.toString();
  }
}
