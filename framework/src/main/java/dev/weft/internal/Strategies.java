package dev.weft.internal;

import dev.weft.Options;
import dev.weft.scheduler.PctStrategy;
import dev.weft.scheduler.RandomWalkStrategy;
import dev.weft.scheduler.SchedulingStrategy;

/** The one place that turns the options into the scheduling strategy of an exploration. */
final class Strategies {
  private Strategies() {}

  static SchedulingStrategy of(Options options, long seed) {
    return switch (options.strategy()) {
      case RANDOM -> new RandomWalkStrategy(seed);
      // The depth is no option (yet): an option for it would be read here.
      case PCT -> new PctStrategy(seed, PctStrategy.DEFAULT_DEPTH);
    };
  }
}
