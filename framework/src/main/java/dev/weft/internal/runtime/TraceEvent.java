package dev.weft.internal.runtime;

/**
 * One row of the interleaving trace: what a thread did and where. {@code minor} events (volatile
 * and atomic accesses, library calls) are folded when they are not next to anything that matters.
 */
record TraceEvent(int thread, String text, String location, boolean minor, boolean marked) {

  /** The same event marked as part of the failure: never folded away. */
  TraceEvent mark() {
    return new TraceEvent(thread, text, location, false, true);
  }
}
