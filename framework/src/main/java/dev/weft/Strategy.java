package dev.weft;

/** How Weft picks interleavings. */
public enum Strategy {
  /** Uniformly random choice of the next thread at every scheduling point. */
  RANDOM,
  /**
   * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random thread priorities
   * and a few random priority change points. Finds bugs that need few preemptions with a
   * guaranteed probability per execution; the default.
   */
  PCT
}
