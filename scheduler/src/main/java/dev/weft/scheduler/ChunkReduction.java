package dev.weft.scheduler;

/**
 * Delta debugging (Zeller and Hildebrandt, TSE 2002) over some units of a failing run: tries to
 * drop large chunks of units first and halves the chunk size when no chunk can go. Large chunks
 * make it fast when most of a run is noise; the final one-unit chunks make the result minimal in
 * the sense that no single unit can be dropped any more.
 *
 * <p>Units are recomputed from the best run after every success, since a re-executed run is
 * re-recorded and need not line up with the one it came from.
 */
abstract class ChunkReduction implements ShrinkPass {

  /** Number of units in {@code run}. */
  abstract int units(FailingRun run);

  /** The choices of {@code run} with units {@code [from, to)} dropped. */
  abstract int[] without(FailingRun run, int from, int to);

  @Override
  public final void apply(ShrinkSession session) {
    int chunks = 2;
    while (!session.exhausted()) {
      int size = units(session.best());
      if (size == 0) return;
      chunks = Math.min(chunks, size);
      int chunk = (size + chunks - 1) / chunks;
      boolean dropped = false;
      int from = 0;
      while (!session.exhausted()) {
        FailingRun run = session.best();
        int count = units(run);
        if (from >= count) break;
        if (session.tryChoices(without(run, from, Math.min(count, from + chunk)))) {
          dropped = true; // the units that followed now start at index from
        } else {
          from += chunk;
        }
      }
      if (dropped) {
        chunks = Math.max(chunks - 1, 2);
      } else if (chunks == size) {
        return;
      } else {
        chunks = Math.min(size, chunks * 2);
      }
    }
  }
}
