package dev.weft.scheduler;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The state of one shrinking: the simplest failing run so far and the budget left. Passes propose
 * candidate choice sequences; the session runs each at most once and keeps the result only if it
 * failed the same way and is simpler, so every pass may be tried in any order without ever making
 * things worse.
 */
final class ShrinkSession {
  private final ShrinkOracle oracle;
  private final int maxRuns;
  private final long maxNanos;
  private final LongSupplier clock;
  private final long start;
  /** Fingerprints of choice sequences already run or known, to spend no run twice. */
  private final Set<Long> seen = new HashSet<>();
  private FailingRun best;
  private int runs;
  private ShrinkResult.Stop refusal;

  ShrinkSession(FailingRun original, ShrinkOracle oracle, int maxRuns, long maxNanos,
      LongSupplier clock) {
    this.best = original;
    this.oracle = oracle;
    this.maxRuns = maxRuns;
    this.maxNanos = maxNanos;
    this.clock = clock;
    this.start = clock.getAsLong();
    seen.add(fingerprint(original.schedule().choices()));
  }

  FailingRun best() {
    return best;
  }

  int runs() {
    return runs;
  }

  long elapsedNanos() {
    return clock.getAsLong() - start;
  }

  /** Why the budget refused a run, or null if it never did. */
  ShrinkResult.Stop refusal() {
    return refusal;
  }

  /** Whether the budget allows no more runs; passes stop proposing when it does. */
  boolean exhausted() {
    if (refusal == null) {
      if (runs >= maxRuns) {
        refusal = ShrinkResult.Stop.RUN_LIMIT;
      } else if (elapsedNanos() >= maxNanos) {
        refusal = ShrinkResult.Stop.TIME_LIMIT;
      }
    }
    return refusal != null;
  }

  /**
   * Runs the candidate unless it was run before or the budget is used up.
   *
   * @return whether the run failed the same way and is simpler than the best so far (it is the
   *     best now)
   */
  boolean tryChoices(int[] choices) {
    if (!seen.add(fingerprint(choices)) || exhausted()) return false;
    runs++;
    Optional<FailingRun> outcome = oracle.rerun(best.schedule().withChoices(choices));
    if (outcome.isEmpty()) return false;
    FailingRun run = outcome.get();
    seen.add(fingerprint(run.schedule().choices()));
    if (!run.isSimplerThan(best)) return false;
    best = run;
    return true;
  }

  /**
   * A 64-bit hash of the sequence. Two sequences sharing one only cost the shrinker a candidate,
   * never correctness, so a hash is enough and keeps memory independent of schedule length.
   */
  private static long fingerprint(int[] choices) {
    long h = Seeds.mix(choices.length);
    for (int c : choices) h = Seeds.mix(h + c + 0x9E3779B97F4A7C15L);
    return h;
  }
}
