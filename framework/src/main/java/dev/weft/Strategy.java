package dev.weft;

/**
 * How Weft picks interleavings. The user guide's "Strategies" section compares them with numbers
 * from the benchmark corpus.
 */
public enum Strategy {
  /**
   * {@link #SYSTEMATIC} for the first executions, then executions alternate between the search
   * and {@link #POS}; when the search ends without having explored everything (its preemption
   * bound cut schedules), POS gets the rest of the budget. A small correct test ends with
   * "explored all N schedules"; a bug that needs few preemptions is found first with its
   * simplest schedule. Not the default: the search's share of the executions makes it slower than
   * POS alone on bugs among many threads (bench/README.md, "Strategies on known bugs").
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
