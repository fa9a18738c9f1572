package dev.weft.scheduler;

/**
 * Delta debugging that deletes chunks of segments outright. Unlike moving them, this drops steps
 * from the part of the run the schedule dictates; it is what gets rid of a spinning thread's
 * useless checks, which moving would only relocate. Later choices then apply to earlier
 * decisions, which lenient replay tolerates.
 */
final class SegmentDeletionPass extends SegmentReduction {

  @Override
  void rearrange(Segments seg, int from, int to, ChoiceBuilder out) {
    seg.copy(0, seg.start(from), out);
    seg.copy(seg.start(to), seg.length(), out);
  }
}
