package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Keeps a prefix of the choices and lets lenient replay finish the run without preemptions (it
 * keeps the running thread going). Cutting just before a preemption keeps every choice that led
 * there, so this is the cheapest way to shed the many late preemptions of a random walk: the
 * failure usually became inevitable long before the run ended.
 *
 * <p>Binary search over the number of preemptions kept: a handful of runs even for thousands of
 * preemptions, at the price of assuming that keeping more of the prefix does not hurt.
 */
final class TruncationPass implements ShrinkPass {

  @Override
  public void apply(ShrinkSession session) {
    FailingRun run = session.best();
    int[] choices = run.schedule().choices();
    int[] cuts = run.preemptionIndices();
    int failsWith = cuts.length;
    int passesWith = -1;
    while (passesWith + 1 < failsWith && !session.exhausted()) {
      int keep = (passesWith + failsWith) >>> 1;
      if (session.tryChoices(Arrays.copyOf(choices, cuts[keep]))) {
        failsWith = keep;
      } else {
        passesWith = keep;
      }
    }
  }
}
