package dev.weft.scheduler;

/**
 * Delta debugging that postpones chunks of segments: each thread's steps in the chunk join its
 * next segment after the chunk (or go last). Taking a segment out this way removes the switches
 * into and out of it, often two preemptions at once, while every thread still does the same work.
 */
final class SegmentPostponePass extends SegmentReduction {

  @Override
  void rearrange(Segments seg, int from, int to, ChoiceBuilder out) {
    seg.copy(0, seg.start(from), out);
    boolean[] placed = new boolean[to - from];
    for (int j = from; j < to; j++) {
      // choices made before any thread decision stay first
      if (seg.thread(j) < 0) {
        seg.copySegment(j, out);
        placed[j - from] = true;
      }
    }
    for (int k = to; k < seg.count(); k++) {
      for (int j = from; j < to; j++) {
        if (!placed[j - from] && seg.thread(j) == seg.thread(k)) {
          seg.copySegment(j, out);
          placed[j - from] = true;
        }
      }
      seg.copySegment(k, out);
    }
    for (int j = from; j < to; j++) {
      if (!placed[j - from]) seg.copySegment(j, out);
    }
  }
}
