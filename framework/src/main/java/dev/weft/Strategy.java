package dev.weft;

/**
 * How Weft picks interleavings. The user guide's "Strategies" section compares them with numbers
 * from the benchmark corpus.
 */
public enum Strategy {
  /**
   * {@link #SYSTEMATIC} while the space of schedules is small, then adaptive {@link #PCT} for the
   * rest of the budget. A small correct test ends with "explored all N schedules"; a bug that
   * needs few preemptions is found first with its simplest schedule. Not the default: on the
   * strategy corpus (bench/README.md) it inherits PCT's misses (a bug that needs 3 preemptions,
   * an ordering bug among 100 threads) and found 10 of 12 bugs where {@link #POS} found 12.
   */
  AUTO,
  /**
   * Every schedule, up to reordering of independent steps, with at most {@link
   * Options#preemptionBound} preemptions, fewest preemptions first (dynamic partial-order
   * reduction within iterative preemption bounding). Deterministic: no seed; the same program
   * gives the same count and the same failing schedule in every JVM. When it explored everything
   * within the bound, {@link Result#exhausted()} says so.
   */
  SYSTEMATIC,
  /**
   * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random thread priorities
   * and a few priority change points within the measured length of the program, the number of
   * change points cycling from 0 to 3. Finds bugs that need few ordering constraints with a
   * guaranteed probability per execution, also among many threads.
   */
  PCT,
  /**
   * Partial-order sampling (Yuan, Yang, Gu, CAV 2018): a random priority per step, drawn again for
   * the steps that conflict with the one that ran, so schedules that only reorder independent steps
   * are not sampled twice as often. The default: the only strategy that found every bug of the
   * strategy corpus (bench/README.md) within 10,000 executions or 60 s, in the least time.
   */
  POS,
  /** Uniformly random choice of the next thread at every scheduling point. */
  RANDOM
}
