package dev.weft.scheduler;

/**
 * Drops preemptions: where the run switched from a thread that could go on to another one, the
 * first thread goes on instead for as many choices as the other one ran. Replacing the whole
 * stretch, not just the switching choice, matters: the next choices still name the thread
 * switched to, so changing one choice alone would only move the preemption one step later.
 */
final class PreemptionRemovalPass extends ChunkReduction {

  @Override
  int units(FailingRun run) {
    return run.preemptions();
  }

  @Override
  int[] without(FailingRun run, int from, int to) {
    int[] choices = run.schedule().choices();
    int[] preemptions = run.preemptionIndices();
    for (int k = from; k < to; k++) {
      int i = preemptions[k];
      int preempted = run.runningBefore(i);
      int intruder = choices[i];
      choices[i] = preempted;
      for (int m = i + 1; m < choices.length && run.runningBefore(m) == intruder
          && choices[m] == intruder; m++) {
        choices[m] = preempted;
      }
    }
    return choices;
  }
}
