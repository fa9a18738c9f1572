package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The oracle the framework implements, on the simulator; records its calls. */
class SimOracle implements ShrinkOracle {
  static final int MAX_STEPS = 2_000;
  private final Sim.Program program;
  private final Predicate<Sim.Outcome> sameFailure;
  final List<Schedule> candidates = new ArrayList<>();
  int calls;

  SimOracle(Sim.Program program, Predicate<Sim.Outcome> sameFailure) {
    this.program = program;
    this.sameFailure = sameFailure;
  }

  @Override
  public Optional<FailingRun> rerun(Schedule candidate) {
    calls++;
    candidates.add(candidate);
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(candidate, true), candidate.seed());
    Sim.Outcome outcome = program.run(recorder, 0, MAX_STEPS);
    return sameFailure.test(outcome) ? Optional.of(FailingRun.recordedBy(recorder))
        : Optional.empty();
  }

  /** The run of {@code choices} replayed strictly; fails the test if it does not fail. */
  static FailingRun exactRun(Sim.Program program, Predicate<Sim.Outcome> failure,
      int... choices) {
    RecordingStrategy recorder =
        new RecordingStrategy(new ReplayStrategy(new Schedule(0, choices), false), 0);
    Sim.Outcome outcome = program.run(recorder, 0, MAX_STEPS);
    if (!failure.test(outcome)) throw new AssertionError("does not fail: " + outcome);
    return FailingRun.recordedBy(recorder);
  }
}
