package dev.weft.scheduler;

import java.util.Optional;

/**
 * How far a {@link SystematicStrategy} got: what a report needs to say "explored all 37 schedules
 * with at most 2 preemptions" or "explored 1,000 of about 52,000 schedules within 2 preemptions".
 * Rendering that text is the report's business, not this value's.
 *
 * <p>The search runs in passes of growing preemption bound (0, 1, 2, ...); {@code bound} and the
 * counts are those of the current pass, or of the last one when the search has ended. A pass with
 * bound {@code k} on its own covers every schedule with at most {@code k} preemptions, so the last
 * pass's count is the size of the space explored.
 *
 * @param ended the search has no more executions to run ({@link
 *     SchedulingStrategy#hasNextExecution} is false)
 * @param exhausted the search ended because it explored every schedule within {@code bound}, up
 *     to reordering of independent steps, and no execution diverged from its replayed prefix
 * @param complete {@code exhausted}, and the bound never cut a schedule: every schedule of the
 *     program was explored, with any number of preemptions
 * @param bound the preemption bound of the pass, -1 when unbounded
 * @param maxBound the bound the search goes up to, -1 when unbounded
 * @param schedules distinct schedules explored in this pass, up to reordering of independent steps
 *     (executions that repeat one, diverged or belong to another shard are not counted)
 * @param executions executions this strategy ran, in all passes
 * @param estimatedSchedules estimate of the pass's total number of distinct schedules (a
 *     Knuth-style tree-size estimate over the executions seen); {@code schedules} once exhausted
 * @param divergences replayed prefixes that did not lead to the same state in {@value
 *     SystematicStrategy#REPLAY_ATTEMPTS} attempts and were given up; non-zero means the program
 *     is not deterministic given its schedule, and rules out {@code exhausted}
 * @param firstDivergence where the first prefix given up left its path (in its last attempt);
 *     empty while {@code divergences} is 0
 * @param shard the part of the exploration this strategy explores
 * @param completedBound the bound of the last pass that ran to its end, -1 when none did: every
 *     schedule with at most that many preemptions was explored (if {@code divergences} is 0);
 *     once the search is exhausted, {@code bound} itself
 * @param completedSchedules distinct schedules of that pass, 0 when none ran to its end
 */
public record SearchProgress(boolean ended, boolean exhausted, boolean complete, int bound,
    int maxBound, int schedules, long executions, long estimatedSchedules, int divergences,
    Optional<Divergence> firstDivergence, Shard shard, int completedBound,
    int completedSchedules) {

  /**
   * The fewest preemptions a failing schedule of this search's space can have, as far as the
   * search knows: the bound of the pass it is in (or ended in), since every pass below it ran to
   * its end without a failure; 0 when a replayed prefix diverged, which voids that knowledge.
   * Meaningful while no failure was found below the current pass, which holds for a search that
   * stops at its first failure.
   */
  public int fewestPreemptionsToFail() {
    return divergences == 0 ? bound : 0;
  }
}
