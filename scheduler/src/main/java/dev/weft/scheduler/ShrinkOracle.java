package dev.weft.scheduler;

import java.util.Optional;

/**
 * Re-runs the program under test on a candidate schedule for the {@link ScheduleShrinker}.
 *
 * <p>The candidate is usually not a schedule the program can follow exactly: choices were removed,
 * moved or cut off. So the program must run under a lenient {@link ReplayStrategy} wrapped in a
 * {@link RecordingStrategy}, and the oracle must report what was actually executed: only that
 * replays strictly, and only that is a schedule worth printing.
 *
 * <pre>{@code
 * ShrinkOracle oracle = candidate -> {
 *   RecordingStrategy recorder =
 *       new RecordingStrategy(new ReplayStrategy(candidate, true), candidate.seed());
 *   ... run the program once under recorder ...
 *   return failedTheSameWay ? Optional.of(FailingRun.recordedBy(recorder)) : Optional.empty();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ShrinkOracle {

  /**
   * Runs the program once, following {@code candidate} leniently.
   *
   * @return the execution as recorded if it failed the same way as the original failure; empty if
   *     it passed or failed differently (another exception, another assertion, a deadlock instead
   *     of a data race), since shrinking must not trade the user's bug for another one
   */
  Optional<FailingRun> rerun(Schedule candidate);
}
