package dev.weft.scheduler;

/**
 * Decides, at every scheduling point of one execution, which thread runs next.
 *
 * <p>The controlled runtime calls a strategy from exactly one thread at a time, so implementations
 * need no synchronization. The hot path ({@link #pickThread}) must not allocate.
 *
 * <p>Threads are identified by creation order within the execution: 0 is the thread running the
 * test body, 1 the first thread it starts, and so on. All randomness must come from the seed given
 * to the strategy, so that the same seed on the same program yields the same executions.
 */
public interface SchedulingStrategy {

  /**
   * Starts execution number {@code executionIndex} (0-based) of an exploration. Called before any
   * other method of that execution.
   */
  void startExecution(int executionIndex);

  /** Thread {@code threadId} was created (ids arrive in increasing order, starting at 0). */
  void onThreadCreated(int threadId);

  /**
   * Chooses the next thread to run.
   *
   * @param enabled ids of the threads that may run, ascending, in {@code enabled[0..count)}
   * @param count number of valid entries, at least 1
   * @param current id of the thread that reached the scheduling point, or -1 when it cannot go on
   *     (it blocked or finished)
   * @return one of {@code enabled[0..count)}
   */
  int pickThread(int[] enabled, int count, int current);

  /**
   * Chooses an integer in {@code [0, bound)} for a decision that is not a thread switch, such as
   * which of several waiting threads a {@code notify} wakes.
   */
  int pickInt(int bound);

  /**
   * Hint that {@code threadId} is spinning (it yielded, called {@code onSpinWait}, or re-read the
   * same value): the strategy should prefer other threads for a while, so that spin loops do not
   * starve the thread they wait for.
   */
  void onSpin(int threadId);

  /** Execution ended after {@code steps} scheduling points. */
  void finishExecution(int steps);

  /**
   * Gives the strategy the runtime's live view of every thread's next step for the execution that
   * just started (called after {@link #startExecution}, before the first pick). Strategies that
   * do not reason about dependent steps ignore it; those that do keep the last view given, so a
   * runtime may give one per execution or one for all. A runtime that never gives one leaves
   * {@link SystematicStrategy} without reduction (every step dependent) and {@link PosStrategy}
   * without its races (random priorities only).
   */
  default void useNextSteps(NextSteps nextSteps) {}

  /**
   * Whether another execution should start. A systematic strategy answers false once it has
   * explored every schedule of its space; samplers never end the search by themselves, so the
   * default is true. Asked before each {@link #startExecution} after the first.
   */
  default boolean hasNextExecution() {
    return true;
  }
}
