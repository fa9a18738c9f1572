package dev.weft.scheduler;

/**
 * Delta debugging that advances chunks of segments: each thread's steps in the chunk join its
 * last segment before the chunk (threads without one keep their place). The mirror image of
 * {@link SegmentPostponePass}, for failures that need a thread to get somewhere early rather than
 * late.
 */
final class SegmentAdvancePass extends SegmentReduction {

  @Override
  void rearrange(Segments seg, int from, int to, ChoiceBuilder out) {
    int[] host = new int[to - from];
    for (int j = from; j < to; j++) {
      host[j - from] = seg.thread(j) < 0 ? -1 : seg.previousOfThread(seg.thread(j), from);
    }
    for (int k = 0; k < from; k++) {
      seg.copySegment(k, out);
      for (int j = from; j < to; j++) {
        if (host[j - from] == k) seg.copySegment(j, out);
      }
    }
    for (int j = from; j < to; j++) {
      if (host[j - from] < 0) seg.copySegment(j, out);
    }
    seg.copy(seg.start(to), seg.length(), out);
  }
}
