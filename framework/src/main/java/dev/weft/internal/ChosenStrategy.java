package dev.weft.internal;

import dev.weft.Strategy;
import dev.weft.internal.report.Coverage;
import dev.weft.scheduler.AutoStrategy;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.SearchProgress;
import dev.weft.scheduler.Shard;
import dev.weft.scheduler.SystematicStrategy;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The scheduling strategy of one exploration, with what its report says about the part of the
 * space it covered ({@link Coverage}): built by {@link Strategies}.
 */
final class ChosenStrategy {
  private final Strategy name;
  private final SchedulingStrategy scheduling;
  private final OptionalLong seed;
  private final Shard shard;
  private final Supplier<Optional<SearchProgress>> search;
  private final IntSupplier sampled;
  private final BooleanSupplier lastBySearch;

  private ChosenStrategy(Strategy name, SchedulingStrategy scheduling, OptionalLong seed,
      Shard shard, Supplier<Optional<SearchProgress>> search, IntSupplier sampled,
      BooleanSupplier lastBySearch) {
    this.name = Objects.requireNonNull(name, "name");
    this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
    this.seed = seed;
    this.shard = shard;
    this.search = search;
    this.sampled = sampled;
    this.lastBySearch = lastBySearch;
  }

  /** A sampler: all randomness from {@code seed}, nothing systematic to report. */
  static ChosenStrategy sampler(Strategy name, SchedulingStrategy strategy, long seed,
      Shard shard) {
    return new ChosenStrategy(name, strategy, OptionalLong.of(seed), shard, Optional::empty,
        () -> 0, () -> false);
  }

  static ChosenStrategy systematic(SystematicStrategy strategy, Shard shard) {
    return new ChosenStrategy(Strategy.SYSTEMATIC, strategy, OptionalLong.empty(), shard,
        () -> Optional.of(strategy.progress()), () -> 0, () -> true);
  }

  static ChosenStrategy auto(AutoStrategy strategy, long seed, Shard shard) {
    return new ChosenStrategy(Strategy.AUTO, strategy, OptionalLong.of(seed), shard,
        () -> Optional.of(strategy.progress()), strategy::samplerExecutions,
        strategy::lastExecutionSystematic);
  }

  SchedulingStrategy scheduling() {
    return scheduling;
  }

  /**
   * What the exploration covered after {@code executions} of the {@code iterations} allowed.
   */
  Coverage coverage(int executions, int iterations) {
    return new Coverage(name, seed, shard, executions, iterations, search.get(),
        sampled.getAsInt(), lastBySearch.getAsBoolean());
  }
}
