package dev.weft.scheduler;

import java.util.SplittableRandom;

/**
 * At every scheduling point, runs a uniformly random enabled thread. Simple and unbiased over
 * single steps; good at finding bugs that need many switches, weaker than {@link PctStrategy} at
 * bugs that need a few switches at precise places.
 */
public final class RandomWalkStrategy implements SchedulingStrategy {
  private final ShardedSeed seed;
  private SplittableRandom random;
  private int spinning = -1;

  /** @param seed the exploration seed; each execution derives its own from it */
  public RandomWalkStrategy(long seed) {
    this(seed, Shard.ALL);
  }

  /**
   * @param seed the exploration seed
   * @param shard the part of the exploration to run: execution indices {@link
   *     Shard#executionIndex}
   */
  public RandomWalkStrategy(long seed, Shard shard) {
    this.seed = new ShardedSeed(seed, shard);
    this.random = this.seed.initial();
  }

  @Override
  public void startExecution(int executionIndex) {
    random = seed.forExecution(executionIndex);
    spinning = -1;
  }

  @Override
  public void onThreadCreated(int threadId) {}

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    // A spin hint is about the very next decision only, even one with a single option.
    int skip = spinning;
    spinning = -1;
    if (count == 1) return enabled[0];
    if (skip >= 0 && contains(enabled, count, skip)) {
      // Give the thread a spinner waits for a chance before the spinner checks again.
      int index = random.nextInt(count - 1);
      for (int i = 0; i < count; i++) {
        if (enabled[i] == skip) continue;
        if (index-- == 0) return enabled[i];
      }
    }
    return enabled[random.nextInt(count)];
  }

  @Override
  public int pickInt(int bound) {
    return bound <= 1 ? 0 : random.nextInt(bound);
  }

  @Override
  public void onSpin(int threadId) {
    spinning = threadId;
  }

  @Override
  public void finishExecution(int steps) {}

  private static boolean contains(int[] enabled, int count, int thread) {
    for (int i = 0; i < count; i++) {
      if (enabled[i] == thread) return true;
    }
    return false;
  }
}
