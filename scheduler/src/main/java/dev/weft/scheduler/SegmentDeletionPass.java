package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Deletes stretches of equal consecutive choices (one thread running on, or the same pick
 * repeated). Deleting the stretch between two stretches of the same thread merges them and
 * removes two switches at once; deleting a spinning thread's stretch removes steps that only
 * waited. Later choices then apply to earlier decisions, which lenient replay tolerates.
 */
final class SegmentDeletionPass extends ChunkReduction {

  @Override
  int units(FailingRun run) {
    return segmentStarts(run.schedule()).length - 1;
  }

  @Override
  int[] without(FailingRun run, int from, int to) {
    int[] choices = run.schedule().choices();
    int[] starts = segmentStarts(run.schedule());
    int cutFrom = starts[from];
    int cutTo = starts[to];
    int[] result = Arrays.copyOf(choices, choices.length - (cutTo - cutFrom));
    System.arraycopy(choices, cutTo, result, cutFrom, choices.length - cutTo);
    return result;
  }

  /** Start index of every stretch, then the schedule's length. */
  private static int[] segmentStarts(Schedule schedule) {
    int n = schedule.length();
    int segments = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || schedule.choice(i) != schedule.choice(i - 1)) segments++;
    }
    int[] starts = new int[segments + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || schedule.choice(i) != schedule.choice(i - 1)) starts[k++] = i;
    }
    starts[segments] = n;
    return starts;
  }
}
