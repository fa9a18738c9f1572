package dev.weft.bench.strategies;

import dev.weft.Failure;

/**
 * Bugs that need exactly 1, 2 or 3 preemptions. A writer moves a volatile stage through {@code
 * 1, 2, ..., writes}; an observer reads it {@code reads} times and fails when it saw the stages
 * {@code 1, 2, ..., reads} in order. Each value but the last is seen only if the writer is
 * preempted right after writing it and the observer right after reading it (the writer's last
 * write ends its thread, a switch that is no preemption): {@code 2 * reads - 1} preemptions when
 * the writer writes more stages than the observer reads, {@code 2 * reads - 2} when as many. The
 * fix writes all stages in one critical section that the observer's reads respect, so it only
 * ever sees the first or the last.
 */
final class PreemptionPrograms {
  private PreemptionPrograms() {}

  /** A bug whose every failing schedule has at least {@code preemptions} (1, 2 or 3). */
  static BugProgram needing(int preemptions) {
    int reads = (preemptions + 2) / 2;
    int writes = preemptions % 2 == 1 ? reads + 1 : reads;
    return new BugProgram("preemptions-" + preemptions,
        "needs " + preemptions + " preemption" + (preemptions == 1 ? "" : "s") + " (" + writes
            + " writes, " + reads + " reads)",
        Failure.Kind.EXCEPTION, () -> run(writes, reads, false), () -> run(writes, reads, true));
  }

  private static final class Stage {
    volatile int value;
  }

  private static void run(int writes, int reads, boolean fixed) throws InterruptedException {
    Object lock = new Object();
    Stage stage = new Stage();
    int[] seen = new int[reads];
    Runnable writer = () -> {
      if (fixed) {
        synchronized (lock) {
          for (int s = 1; s <= writes; s++) stage.value = s;
        }
      } else {
        for (int s = 1; s <= writes; s++) stage.value = s;
      }
    };
    Runnable observer = () -> {
      for (int r = 0; r < reads; r++) {
        if (fixed) {
          synchronized (lock) {
            seen[r] = stage.value;
          }
        } else {
          seen[r] = stage.value;
        }
      }
    };
    Threads.runBoth(writer, observer);
    boolean sawEveryStage = true;
    for (int r = 0; r < reads; r++) sawEveryStage &= seen[r] == r + 1;
    Threads.check(!sawEveryStage, "the observer saw the stages 1 to " + reads + " in order");
  }
}
