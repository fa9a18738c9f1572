package dev.weft.scheduler;

import java.util.Arrays;

/**
 * One execution that failed, as it actually ran: the choices a strict replay needs, and for each
 * choice which thread was running and could have gone on. The shrinker needs the latter because
 * the choices alone cannot tell a preemption from a free switch, and preemptions are what make a
 * failing interleaving hard to follow.
 *
 * <p>Immutable.
 */
public final class FailingRun {
  private final Schedule schedule;
  private final int[] runningBefore;
  private final int steps;
  private final int preemptions;

  /**
   * @param schedule the choices as recorded ({@link RecordingStrategy#recordedSchedule()})
   * @param runningBefore per choice, the thread that could have continued, -1 or
   *     {@link RecordingStrategy#NOT_A_THREAD_DECISION} ({@link
   *     RecordingStrategy#recordedRunningBefore()})
   * @param steps all scheduling points of the execution ({@link RecordingStrategy#recordedSteps()})
   */
  public FailingRun(Schedule schedule, int[] runningBefore, int steps) {
    if (runningBefore.length != schedule.length()) {
      throw new IllegalArgumentException("one running thread per choice expected: "
          + runningBefore.length + " for " + schedule.length() + " choices");
    }
    if (steps < 0) throw new IllegalArgumentException("negative step count " + steps);
    this.schedule = schedule;
    this.runningBefore = runningBefore.clone();
    this.steps = steps;
    int count = 0;
    for (int i = 0; i < this.runningBefore.length; i++) {
      if (isPreemption(i)) count++;
    }
    this.preemptions = count;
  }

  /** The execution {@code recorder} recorded last. */
  public static FailingRun recordedBy(RecordingStrategy recorder) {
    return new FailingRun(recorder.recordedSchedule(), recorder.recordedRunningBefore(),
        recorder.recordedSteps());
  }

  /** The choices as executed: a strict replay of them fails the same way. */
  public Schedule schedule() {
    return schedule;
  }

  /** A copy of the per-choice running threads, as given to the constructor. */
  public int[] runningBefore() {
    return runningBefore.clone();
  }

  /** Switches away from a thread that could have continued (as counted by the recorder). */
  public int preemptions() {
    return preemptions;
  }

  /** Scheduling points of the execution, including decisions that had one option. */
  public int steps() {
    return steps;
  }

  int length() {
    return runningBefore.length;
  }

  int runningBefore(int index) {
    return runningBefore[index];
  }

  boolean isPreemption(int index) {
    return runningBefore[index] >= 0 && schedule.choice(index) != runningBefore[index];
  }

  /** Indices of the choices that are preemptions, ascending. */
  int[] preemptionIndices() {
    int[] indices = new int[preemptions];
    int k = 0;
    for (int i = 0; i < runningBefore.length; i++) {
      if (isPreemption(i)) indices[k++] = i;
    }
    return indices;
  }

  /**
   * What the shrinker minimizes: fewer preemptions first (each is a place where the reader must
   * ask "why did it switch here?"), then fewer steps, then fewer recorded choices (a shorter
   * token), then lower choices that are not thread switches (a drawn scenario's smaller
   * arguments).
   */
  boolean isSimplerThan(FailingRun other) {
    if (preemptions != other.preemptions) return preemptions < other.preemptions;
    if (steps != other.steps) return steps < other.steps;
    if (length() != other.length()) return length() < other.length();
    return nonThreadChoiceSum() < other.nonThreadChoiceSum();
  }

  private long nonThreadChoiceSum() {
    long sum = 0;
    for (int i = 0; i < runningBefore.length; i++) {
      if (runningBefore[i] == RecordingStrategy.NOT_A_THREAD_DECISION) sum += schedule.choice(i);
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailingRun r && r.steps == steps && r.schedule.equals(schedule)
        && Arrays.equals(r.runningBefore, runningBefore);
  }

  @Override
  public int hashCode() {
    return schedule.hashCode() * 31 + steps;
  }

  @Override
  public String toString() {
    return "FailingRun{preemptions=" + preemptions + ", steps=" + steps + ", " + schedule + "}";
  }
}
