package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Delta debugging that sets chunks of the non-thread choices (which waiter a {@code notify}
 * wakes, which call a drawn scenario makes next) to 0, their first option. Programs that draw a
 * scenario from the schedule encode "less" as 0: in a linearizability scenario a call slot set to 0
 * makes no call, and an argument's 0 is its smallest value. This pass is what removes
 * calls and lowers arguments that the failure does not need, which moving or deleting whole
 * stretches of a thread cannot do when the calls run in one stretch.
 */
final class ChoiceZeroingPass extends ChunkReduction {

  @Override
  int units(FailingRun run) {
    return nonZeroChoices(run).length;
  }

  @Override
  int[] without(FailingRun run, int from, int to) {
    int[] choices = run.schedule().choices();
    int[] units = nonZeroChoices(run);
    for (int k = from; k < to; k++) choices[units[k]] = 0;
    return choices;
  }

  /** Indices of the non-thread choices that are not 0 yet, ascending. */
  private static int[] nonZeroChoices(FailingRun run) {
    int count = 0;
    int[] indices = new int[run.length()];
    for (int i = 0; i < run.length(); i++) {
      if (run.runningBefore(i) == RecordingStrategy.NOT_A_THREAD_DECISION
          && run.schedule().choice(i) != 0) {
        indices[count++] = i;
      }
    }
    return Arrays.copyOf(indices, count);
  }
}
