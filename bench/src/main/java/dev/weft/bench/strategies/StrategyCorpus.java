package dev.weft.bench.strategies;

import java.util.List;

/** Every program of the strategy corpus, in the order of the table. */
public final class StrategyCorpus {
  private StrategyCorpus() {}

  /** The programs: ordering among 2, 10, 100 threads (two shapes), atomicity, preemptions, deadlocks. */
  public static List<BugProgram> all() {
    return List.of(
        OrderingPrograms.checkerAndSetters(2),
        OrderingPrograms.checkerAndSetters(10),
        OrderingPrograms.checkerAndSetters(100),
        LateCheckerPrograms.checkerLast(10, 10),
        LateCheckerPrograms.checkerLast(100, 5),
        AtomicityPrograms.lostUpdate(),
        AtomicityPrograms.checkThenWithdraw(),
        PreemptionPrograms.needing(1),
        PreemptionPrograms.needing(2),
        PreemptionPrograms.needing(3),
        BlockingPrograms.lockOrder(),
        BlockingPrograms.lostWakeUp());
  }
}
