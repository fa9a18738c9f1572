package dev.weft.scheduler;

/** Derives independent per-execution seeds from an exploration seed. */
final class Seeds {
  private Seeds() {}

  static long forExecution(long seed, int executionIndex) {
    return mix(seed + 0x9E3779B97F4A7C15L * (executionIndex + 1L));
  }

  /** The SplitMix64 finalizer: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
