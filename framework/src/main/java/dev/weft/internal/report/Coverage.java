package dev.weft.internal.report;

import dev.weft.Strategy;
import dev.weft.scheduler.SearchProgress;
import dev.weft.scheduler.Shard;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an exploration covered, as its report tells it ({@link CoverageText}): the strategy, its
 * seed if it has one, the shard, the executions, and for a systematic search how far it got.
 *
 * @param seed the seed the strategy's choices come from; empty for the systematic search
 * @param iterations the executions the budget allowed
 * @param search the systematic search's progress, when one ran
 * @param sampledExecutions executions a sampler ran after, or between, the search's ({@link
 *     Strategy#AUTO})
 * @param lastBySearch whether the last execution was the systematic search's
 */
public record Coverage(Strategy strategy, OptionalLong seed, Shard shard, int executions,
    int iterations, Optional<SearchProgress> search, int sampledExecutions, boolean lastBySearch) {

  /** Whether every schedule within the bound was explored, none diverging. */
  public boolean exhausted() {
    return search.map(SearchProgress::exhausted).orElse(false);
  }
}
