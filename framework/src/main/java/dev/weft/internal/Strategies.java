package dev.weft.internal;

import dev.weft.Options;
import dev.weft.Strategy;
import dev.weft.scheduler.AutoStrategy;
import dev.weft.scheduler.PctStrategy;
import dev.weft.scheduler.PosStrategy;
import dev.weft.scheduler.RandomWalkStrategy;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.Shard;
import dev.weft.scheduler.SystematicStrategy;

/** The one place that turns the options into the scheduling strategy of an exploration. */
final class Strategies {
  private Strategies() {}

  /** The seed of a sharded exploration given none: every shard must use the same. */
  static final long SHARDED_SEED = 0L;
  /** The seed recorded in a systematic search's tokens, which no choice of it depends on. */
  static final long SYSTEMATIC_SEED = 0L;

  /** The seed an exploration with {@code options} uses, {@code drawn} if nothing fixes it. */
  static long seed(Options options, long drawn) {
    if (options.seed().isPresent()) return options.seed().getAsLong();
    if (options.strategy() == Strategy.SYSTEMATIC) return SYSTEMATIC_SEED;
    return options.shardCount() > 1 ? SHARDED_SEED : drawn;
  }

  static ChosenStrategy of(Options options, long seed) {
    Shard shard = new Shard(options.shardNumber() - 1, options.shardCount());
    Strategy name = options.strategy();
    return switch (name) {
      case AUTO -> {
        // POS, as CoverageText.AUTO_SAMPLER tells the reports: on the strategy corpus it lost
        // none of the bugs that adaptive PCT, AUTO's earlier sampler, missed.
        AutoStrategy auto = new AutoStrategy(systematic(options, shard),
            new PosStrategy(seed, shard), AutoStrategy.DEFAULT_HEAD);
        yield ChosenStrategy.auto(auto, seed, shard);
      }
      case SYSTEMATIC -> ChosenStrategy.systematic(systematic(options, shard), shard);
      case PCT -> ChosenStrategy.sampler(name, pct(seed, shard), seed, shard);
      case POS -> ChosenStrategy.sampler(name, new PosStrategy(seed, shard), seed, shard);
      case RANDOM -> ChosenStrategy.sampler(name, new RandomWalkStrategy(seed, shard), seed, shard);
    };
  }

  private static SystematicStrategy systematic(Options options, Shard shard) {
    return new SystematicStrategy(options.preemptionBound(), shard);
  }

  private static PctStrategy pct(long seed, Shard shard) {
    return PctStrategy.adaptive(seed, PctStrategy.DEFAULT_MAX_DEPTH, shard);
  }
}
