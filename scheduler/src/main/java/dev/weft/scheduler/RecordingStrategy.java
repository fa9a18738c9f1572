package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Wraps another strategy and records every decision that had more than one option, so that the
 * execution can be printed as a {@link Schedule} and replayed exactly.
 *
 * <p>Besides the choices it keeps, for each thread decision, which thread was running when the
 * decision was made; that is what {@link #recordedPreemptions()} and the shrinker need to tell a
 * preemption (switching away from a thread that could have gone on) from a free switch. A thread
 * that has just reported spinning counts as one that cannot go on: it waits for another thread,
 * so switching away from it is what the program asked for, not a preemption.
 */
public final class RecordingStrategy implements SchedulingStrategy {
  /** Marks a recorded decision that was not a thread switch. */
  public static final int NOT_A_THREAD_DECISION = -2;

  private final SchedulingStrategy inner;
  private final long seed;
  private int[] choices = new int[256];
  private int[] runningBefore = new int[256];
  private int size;
  private int steps;
  private int spinning = -1;

  /**
   * @param inner the strategy that makes the decisions
   * @param seed stored in the recorded schedules, for reports and replays
   */
  public RecordingStrategy(SchedulingStrategy inner, long seed) {
    this.inner = inner;
    this.seed = seed;
  }

  @Override
  public void startExecution(int executionIndex) {
    size = 0;
    steps = 0;
    spinning = -1;
    inner.startExecution(executionIndex);
  }

  @Override
  public void onThreadCreated(int threadId) {
    inner.onThreadCreated(threadId);
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    steps++;
    int spinner = spinning;
    spinning = -1;
    int chosen = inner.pickThread(enabled, count, current);
    if (count > 1) record(chosen, current == spinner ? -1 : current);
    return chosen;
  }

  @Override
  public int pickInt(int bound) {
    int chosen = inner.pickInt(bound);
    if (bound > 1) record(chosen, NOT_A_THREAD_DECISION);
    return chosen;
  }

  @Override
  public void onSpin(int threadId) {
    spinning = threadId;
    inner.onSpin(threadId);
  }

  @Override
  public void finishExecution(int executedSteps) {
    inner.finishExecution(executedSteps);
  }

  @Override
  public void useNextSteps(NextSteps nextSteps) {
    inner.useNextSteps(nextSteps);
  }

  @Override
  public boolean hasNextExecution() {
    return inner.hasNextExecution();
  }

  private void record(int choice, int current) {
    if (size == choices.length) {
      choices = Arrays.copyOf(choices, size * 2);
      runningBefore = Arrays.copyOf(runningBefore, size * 2);
    }
    choices[size] = choice;
    runningBefore[size] = current;
    size++;
  }

  /** The current (or last) execution's decisions as a replayable schedule. */
  public Schedule recordedSchedule() {
    return new Schedule(seed, Arrays.copyOf(choices, size));
  }

  /**
   * Number of recorded thread decisions that switched away from a thread that could have
   * continued.
   */
  public int recordedPreemptions() {
    int preemptions = 0;
    for (int i = 0; i < size; i++) {
      if (runningBefore[i] >= 0 && choices[i] != runningBefore[i]) preemptions++;
    }
    return preemptions;
  }

  /**
   * For each recorded decision, the thread that was running and could have continued, -1 if it
   * could not (it blocked, ended or had just reported spinning), or {@link
   * #NOT_A_THREAD_DECISION}.
   */
  public int[] recordedRunningBefore() {
    return Arrays.copyOf(runningBefore, size);
  }

  /** Scheduling points of the current (or last) execution, decisions with one option included. */
  public int recordedSteps() {
    return steps;
  }
}
