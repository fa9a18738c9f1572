package dev.weft.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Turns a failing schedule into a simpler one that fails the same way.
 *
 * <p>Schedules found by random exploration switch threads at almost every step; a report that
 * replays one shows hundreds of switches of which one or two matter. What makes an interleaving
 * hard to follow are preemptions, switches away from a thread that could have gone on, so the
 * shrinker minimizes their number first and the number of steps second.
 *
 * <p>It runs the program again on candidate schedules derived from the best failing run so far:
 * cut-off prefixes (lenient replay finishes them without preemptions), stretches of one thread
 * moved to join its next or previous stretch (delta debugging over chunks of them), dropped
 * preemptions, preemptions moved later or earlier, deleted stretches, and choices that are not
 * thread switches set to their first option (which drops the calls of a drawn scenario), round
 * after round until no method helps. A candidate rarely replays exactly as written, so the run as the {@link
 * ShrinkOracle} recorded it, not the candidate, becomes the new best: the result always replays
 * strictly to the failure, and its token can be printed as is.
 *
 * <p>Shrinking is a convenience on top of a failure already found, so it is bounded by a number
 * of re-executions and a duration and returns the best run found when either runs out. Given a
 * deterministic oracle and no time limit reached, it is deterministic. Instances are immutable and
 * may be shared.
 */
public final class ScheduleShrinker {
  /** Re-executions allowed by default: enough for a fixpoint on typical unit-test sized runs. */
  public static final int DEFAULT_MAX_RUNS = 400;
  /** Time allowed by default: a noticeable but acceptable addition to a failing test. */
  public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(5);

  /** Cheap and coarse first: later passes then work on short runs. */
  private static final List<ShrinkPass> PASSES = List.of(new TruncationPass(),
      new SegmentPostponePass(), new SegmentAdvancePass(), new PreemptionRemovalPass(),
      new PreemptionShiftPass(), new SegmentDeletionPass(), new ChoiceZeroingPass());

  private final int maxRuns;
  private final long maxNanos;
  private final LongSupplier clock;

  /** A shrinker with {@link #DEFAULT_MAX_RUNS} and {@link #DEFAULT_MAX_TIME}. */
  public ScheduleShrinker() {
    this(DEFAULT_MAX_RUNS, DEFAULT_MAX_TIME);
  }

  /**
   * @param maxRuns most re-executions of the program (0 disables shrinking)
   * @param maxTime most time spent, checked before each re-execution
   */
  public ScheduleShrinker(int maxRuns, Duration maxTime) {
    this(maxRuns, maxTime, System::nanoTime);
  }

  ScheduleShrinker(int maxRuns, Duration maxTime, LongSupplier clock) {
    if (maxRuns < 0) throw new IllegalArgumentException("negative maxRuns " + maxRuns);
    if (maxTime.isNegative()) throw new IllegalArgumentException("negative maxTime " + maxTime);
    this.maxRuns = maxRuns;
    this.maxNanos = saturatedNanos(maxTime);
    this.clock = clock;
  }

  /**
   * Shrinks {@code failing}.
   *
   * @param failing the failing execution as recorded, e.g. {@link FailingRun#recordedBy}
   * @param oracle runs the program on a candidate; exceptions it throws propagate
   * @return the simplest run found, never worse than {@code failing}
   */
  public ShrinkResult shrink(FailingRun failing, ShrinkOracle oracle) {
    Objects.requireNonNull(failing, "failing");
    Objects.requireNonNull(oracle, "oracle");
    ShrinkSession session = new ShrinkSession(failing, oracle, maxRuns, maxNanos, clock);
    FailingRun before;
    do {
      before = session.best();
      for (ShrinkPass pass : PASSES) pass.apply(session);
    } while (session.best() != before && !session.exhausted());
    ShrinkResult.Stop stop =
        session.refusal() != null ? session.refusal() : ShrinkResult.Stop.FIXPOINT;
    return new ShrinkResult(failing, session.best(), session.runs(),
        Duration.ofNanos(session.elapsedNanos()), stop);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
