package dev.weft.scheduler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010).
 *
 * <p>Each thread gets a random priority when it is created and the highest-priority enabled
 * thread always runs. At {@code depth - 1} random steps of the execution the running thread's
 * priority drops below every initial priority. A bug that needs {@code d} ordering constraints is
 * found with probability at least {@code 1 / (n * k^(d-1))} per execution for {@code n} threads
 * and {@code k} steps; the number of steps is estimated from the executions seen so far.
 *
 * <p>Strict priorities starve a thread that spins waiting for a lower-priority one, so a spinning
 * thread is moved below every other thread (the "fair PCT" refinement): spin loops then cost a
 * few steps instead of the whole step budget.
 */
public final class PctStrategy implements SchedulingStrategy {
  /** Depth that finds most real bugs (two or three ordering constraints) quickly. */
  public static final int DEFAULT_DEPTH = 3;
  private static final int INITIAL_STEP_ESTIMATE = 64;

  private final long seed;
  private final int depth;
  private SplittableRandom random;
  private long[] priority = new long[16];
  private int[] changePoints = new int[0];
  private int nextChangePoint;
  private long lowestPriority;
  private int step;
  private int stepEstimate = INITIAL_STEP_ESTIMATE;

  /**
   * @param seed the exploration seed; each execution derives its own from it
   * @param depth number of ordering constraints aimed at (1 or more); each execution gets
   *     {@code depth - 1} priority change points
   */
  public PctStrategy(long seed, int depth) {
    if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1: " + depth);
    this.seed = seed;
    this.depth = depth;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void startExecution(int executionIndex) {
    random = new SplittableRandom(Seeds.forExecution(seed, executionIndex));
    changePoints = new int[depth - 1];
    for (int i = 0; i < changePoints.length; i++) {
      changePoints[i] = 1 + random.nextInt(Math.max(1, stepEstimate));
    }
    Arrays.sort(changePoints);
    nextChangePoint = 0;
    lowestPriority = 0;
    step = 0;
  }

  @Override
  public void onThreadCreated(int threadId) {
    if (threadId >= priority.length) {
      priority = Arrays.copyOf(priority, Math.max(threadId + 1, priority.length * 2));
    }
    // Initial priorities lie above every value a change point or a spin hint assigns.
    priority[threadId] = depth + (random.nextLong() >>> 2);
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    step++;
    while (nextChangePoint < changePoints.length && changePoints[nextChangePoint] <= step) {
      // Only ever lowers: a spinner already demoted below every change point must stay there.
      if (current >= 0) {
        priority[current] = Math.min(priority[current], depth - 1 - nextChangePoint);
      }
      nextChangePoint++;
    }
    int best = enabled[0];
    for (int i = 1; i < count; i++) {
      int t = enabled[i];
      if (priority[t] > priority[best]) best = t;
    }
    return best;
  }

  @Override
  public int pickInt(int bound) {
    return bound <= 1 ? 0 : random.nextInt(bound);
  }

  @Override
  public void onSpin(int threadId) {
    if (threadId < priority.length) priority[threadId] = --lowestPriority;
  }

  @Override
  public void finishExecution(int steps) {
    stepEstimate = Math.max(stepEstimate, steps);
  }
}
