package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a simulated program under a strategy until the strategy ends its search (or a budget). */
final class Search {
  final List<Sim.Outcome> outcomes = new ArrayList<>();
  final List<Schedule> schedules = new ArrayList<>();
  final List<Integer> preemptions = new ArrayList<>();
  /** The first execution that failed (or deadlocked), as recorded, or null. */
  FailingRun firstFailingRun;

  private Search() {}

  static Search run(Sim.Program program, SchedulingStrategy strategy, int budget) {
    return run(program, strategy, budget, false);
  }

  /** Like {@link #run}, but stops after the first execution that fails or deadlocks. */
  static Search untilFailure(Sim.Program program, SchedulingStrategy strategy, int budget) {
    return run(program, strategy, budget, true);
  }

  private static Search run(Sim.Program program, SchedulingStrategy strategy, int budget,
      boolean stopAtFailure) {
    Search search = new Search();
    RecordingStrategy recorder = new RecordingStrategy(strategy, 0);
    for (int i = 0; i < budget && (i == 0 || recorder.hasNextExecution()); i++) {
      Sim.Outcome outcome = program.run(recorder, i, 10_000);
      search.outcomes.add(outcome);
      search.schedules.add(recorder.recordedSchedule());
      search.preemptions.add(recorder.recordedPreemptions());
      if (search.firstFailingRun == null && (outcome.failed || outcome.deadlock)) {
        search.firstFailingRun = FailingRun.recordedBy(recorder);
        if (stopAtFailure) break;
      }
    }
    return search;
  }

  /** Index of the first execution that failed or deadlocked, or -1. */
  int firstFailure() {
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).failed || outcomes.get(i).deadlock) return i;
    }
    return -1;
  }

  Set<String> finalStates() {
    Set<String> states = new LinkedHashSet<>();
    for (Sim.Outcome o : outcomes) states.add(o.finalState());
    return states;
  }

  int executions() {
    return outcomes.size();
  }
}
