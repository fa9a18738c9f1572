package dev.weft.scheduler;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The randomness of a sampling strategy that runs one shard of an exploration: execution {@code
 * i} of the shard draws from the seed of the exploration-wide execution it stands for, so that
 * execution is the same whichever shard, and whichever JVM, runs it.
 */
record ShardedSeed(long seed, Shard shard) {
  ShardedSeed {
    Objects.requireNonNull(shard, "shard");
  }

  /** The random source before the first execution starts. */
  SplittableRandom initial() {
    return new SplittableRandom(seed);
  }

  /** The random source of the shard's execution number {@code localExecution}. */
  SplittableRandom forExecution(int localExecution) {
    return new SplittableRandom(Seeds.forExecution(seed, shard.executionIndex(localExecution)));
  }
}
