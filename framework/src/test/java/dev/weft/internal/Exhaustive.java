package dev.weft.internal;

import dev.weft.Body;
import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.scheduler.RecordingStrategy;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.SearchProgress;
import dev.weft.scheduler.SystematicStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a strategy over a program on the real runtime until the strategy ends, and collects what
 * the program did: each outcome (the failure's signature, then what the program recorded in
 * {@link Outcomes}) with the fewest preemptions that reached it.
 */
final class Exhaustive {
  private Exhaustive() {}

  private static final int MAX_EXECUTIONS = 200_000;

  /** What a whole search saw. */
  record Space(Map<String, Integer> fewestPreemptions, int executions, Set<String> traces,
      Optional<SearchProgress> progress) {
    Set<String> outcomes() {
      return fewestPreemptions.keySet();
    }
  }

  /** Every schedule within {@code bound} preemptions (-1: any), without reduction. */
  static Space bruteForce(Body body, int bound) {
    BruteForceStrategy strategy = new BruteForceStrategy(bound);
    Set<String> traces = new TreeSet<>();
    Runs runs = run(body, strategy, () -> {
      traces.add(strategy.traceOfLastExecution());
      if (strategy.diverged()) {
        throw new AssertionError("the program is not deterministic under its schedule");
      }
    });
    return new Space(runs.fewest, runs.executions, traces, Optional.empty());
  }

  /** The systematic search within {@code bound} preemptions. */
  static Space systematic(Body body, int bound) {
    SystematicStrategy strategy = new SystematicStrategy(bound);
    Runs runs = run(body, strategy, () -> {});
    return new Space(runs.fewest, runs.executions, Set.of(), Optional.of(strategy.progress()));
  }

  private record Runs(Map<String, Integer> fewest, int executions) {}

  private static Runs run(Body body, SchedulingStrategy strategy,
      Runnable afterEach) {
    return ExplorationLock.exclusively(() -> {
      AgentInstaller.ensureInstalled();
      ControlledRuntime.activate();
      CommonPoolWarmUp.warmUp();
      RecordingStrategy recorder = new RecordingStrategy(strategy, 0);
      Map<String, Integer> fewest = new TreeMap<>();
      int executions = 0;
      do {
        if (++executions > MAX_EXECUTIONS) throw new AssertionError("too big to enumerate");
        Outcomes.take();
        recorder.startExecution(executions - 1);
        ExecutionRunner.Outcome outcome = ExecutionRunner.run(body, recorder, 10_000,
            Duration.ofSeconds(10), true);
        recorder.finishExecution(outcome.steps());
        if (outcome.strategyError() != null) throw outcome.strategyError();
        afterEach.run();
        String result = signature(outcome.failure()) + " | " + Outcomes.take();
        fewest.merge(result, recorder.recordedPreemptions(), Math::min);
      } while (recorder.hasNextExecution());
      return new Runs(fewest, executions);
    });
  }

  private static String signature(FailureDetails failure) {
    if (failure == null) return "passed";
    FailureSignature s = FailureSignature.of(failure);
    String message = failure.cause().map(c -> " " + c.getMessage()).orElse("");
    return s.kind() + " " + s.where() + message;
  }
}
