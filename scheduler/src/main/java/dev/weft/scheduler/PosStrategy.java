package dev.weft.scheduler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Partial-order sampling (Yuan, Yang, Gu, "Partial order aware concurrency sampling", CAV 2018).
 *
 * <p>Every thread's next step carries a random priority, and the enabled thread whose step has the
 * highest one runs. When a step runs, its thread's next step gets a fresh priority, and so does
 * every other thread's next step that is dependent with it ({@link NextSteps#dependent}): the
 * steps it raced with. Priorities of independent steps are left alone, so the order of steps
 * that commute costs no randomness. The result samples the partial orders of a program far more
 * evenly than a random walk over interleavings, which is exponentially biased against schedules
 * where one thread waits for many others; the paper proves POS exponentially better on such
 * programs.
 *
 * <p>A thread that spins gets the lowest priority until a step it depends on runs, since only
 * such a step can change what it reads. Without a view of the next steps ({@link
 * NextSteps#UNKNOWN}) nothing is dependent and POS degrades to random priorities redrawn for the
 * thread that ran.
 */
public final class PosStrategy implements SchedulingStrategy {
  private final ShardedSeed seed;
  private SplittableRandom random;
  private NextSteps view = NextSteps.UNKNOWN;
  private double[] priority = new double[16];
  private int threads;
  private int last = -1;
  private int lastObject;
  private StepKind lastKind;

  /** @param seed the exploration seed; each execution derives its own from it */
  public PosStrategy(long seed) {
    this(seed, Shard.ALL);
  }

  /**
   * @param seed the exploration seed
   * @param shard the part of the exploration to run: execution indices {@link
   *     Shard#executionIndex}
   */
  public PosStrategy(long seed, Shard shard) {
    this.seed = new ShardedSeed(seed, shard);
    this.random = this.seed.initial();
  }

  @Override
  public void startExecution(int executionIndex) {
    random = seed.forExecution(executionIndex);
    threads = 0;
    last = -1;
  }

  @Override
  public void useNextSteps(NextSteps nextSteps) {
    view = nextSteps == null ? NextSteps.UNKNOWN : nextSteps;
  }

  @Override
  public void onThreadCreated(int threadId) {
    if (threadId >= priority.length) {
      priority = Arrays.copyOf(priority, Math.max(threadId + 1, priority.length * 2));
    }
    priority[threadId] = random.nextDouble();
    threads = Math.max(threads, threadId + 1);
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    if (last >= 0) {
      // The step that just ran: fresh priorities for what raced with it, and for its successor.
      // A spinner passed over for another thread's step competes again: the step may be what
      // it waits for, and if it was not spinning at all (a bounded loop) it is not starved.
      for (int t = 0; t < threads; t++) {
        if (t != last && (priority[t] < 0 || NextSteps.dependent(lastObject, lastKind,
            view.objectOf(t), view.kindOf(t)))) {
          priority[t] = random.nextDouble();
        }
      }
      if (priority[last] >= 0) priority[last] = random.nextDouble();
    }
    int best = enabled[0];
    for (int i = 1; i < count; i++) {
      if (priority[enabled[i]] > priority[best]) best = enabled[i];
    }
    last = best;
    lastObject = view.objectOf(best);
    lastKind = view.kindOf(best);
    return best;
  }

  @Override
  public int pickInt(int bound) {
    return bound <= 1 ? 0 : random.nextInt(bound);
  }

  @Override
  public void onSpin(int threadId) {
    // Below every fresh priority; a dependent step's run gives it a fresh one again.
    if (threadId < priority.length) priority[threadId] = -1;
  }

  @Override
  public void finishExecution(int steps) {}
}
