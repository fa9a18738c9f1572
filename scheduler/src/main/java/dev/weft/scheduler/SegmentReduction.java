package dev.weft.scheduler;

/** Delta debugging whose units are the {@link Segments} of a run. */
abstract class SegmentReduction extends ChunkReduction {

  @Override
  final int units(FailingRun run) {
    return new Segments(run).count();
  }

  @Override
  final int[] without(FailingRun run, int from, int to) {
    Segments seg = new Segments(run);
    ChoiceBuilder out = new ChoiceBuilder(seg.length());
    rearrange(seg, from, to, out);
    return out.build();
  }

  /** Writes the run's choices to {@code out} with segments {@code [from, to)} dealt with. */
  abstract void rearrange(Segments seg, int from, int to, ChoiceBuilder out);
}
