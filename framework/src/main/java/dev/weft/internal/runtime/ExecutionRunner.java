package dev.weft.internal.runtime;

import dev.weft.Body;
import dev.weft.boot.ExecutionAborted;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.Trace;
import dev.weft.scheduler.SchedulingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one execution: starts T0 on a fresh thread, watches progress (the watchdog), and afterwards
 * unwinds every thread the execution left behind, so nothing leaks into the next one. Runs on the
 * caller's (uncontrolled) thread.
 */
public final class ExecutionRunner {
  private ExecutionRunner() {}

  private static final Duration UNWIND_TIMEOUT = Duration.ofSeconds(5);

  /**
   * What an execution produced. {@code usedCommonPool}: common-pool workers took part, whose
   * pool is shared JVM state. {@code outOfTime}: the deadline ended it; its failure says so, and
   * says nothing about the program.
   */
  public record Outcome(FailureDetails failure, int steps, RuntimeException strategyError,
      boolean usedCommonPool, boolean outOfTime) {}

  /** Both race detectors on ({@code raceDetection}) with default rules, or both off. */
  public static Outcome run(Body body, SchedulingStrategy strategy, int maxSteps,
      Duration stallTimeout, boolean raceDetection) {
    return run(body, strategy, maxSteps, stallTimeout, Detection.all(raceDetection), null,
        Deadline.NONE);
  }

  /** One execution with {@code options}' limits, cut off at {@code deadline}, traced if given. */
  public static Outcome run(Body body, SchedulingStrategy strategy, dev.weft.Options options,
      Deadline deadline, Trace trace) {
    return run(body, strategy, options, Detection.of(options), deadline, trace);
  }

  /**
   * As above, with the race detectors {@code detection} (what {@link Detection#of} made of the
   * same options, once for a whole exploration).
   */
  public static Outcome run(Body body, SchedulingStrategy strategy, dev.weft.Options options,
      Detection detection, Deadline deadline, Trace trace) {
    return run(body, strategy, options.maxSteps(), options.stallTimeout(), detection, trace,
        deadline);
  }

  /** Like {@link #run}, recording the execution's events into {@code trace} when not null. */
  private static Outcome run(Body body, SchedulingStrategy strategy, int maxSteps,
      Duration stallTimeout, Detection detection, Trace trace, Deadline deadline) {
    Execution execution = new Execution(strategy, maxSteps, detection);
    if (trace != null) execution.traceInto(trace);
    FieldHookHandler.activate(execution.fieldRaces());
    try {
      return runActivated(execution, body, strategy, stallTimeout, deadline);
    } finally {
      FieldHookHandler.activate(null);
    }
  }

  private static Outcome runActivated(Execution execution, Body body,
      SchedulingStrategy strategy, Duration stallTimeout, Deadline deadline) {
    strategy.useNextSteps(execution.nextSteps());
    Thread t0 = new Thread(() -> runBody(execution, body), "weft-body");
    t0.setDaemon(true);
    // The body is the program's main thread: not a daemon, whatever the real flag says.
    ControlledThread root = ControlledRuntime.adopt(execution, t0, null, false);
    t0.start();
    execution.start(root);
    boolean outOfTime = Watchdog.watch(execution, stallTimeout, deadline);
    execution.abortAll();
    List<ControlledThread> stuck = awaitThreadsGone(execution);
    ControlledRuntime.forget(execution);
    if (!stuck.isEmpty() && execution.failure() == null) {
      execution.fail(LostControlFinding.didNotStop(stuck));
    }
    return new Outcome(execution.failure(), execution.steps(), execution.strategyError(),
        execution.usedCommonPool(), outOfTime);
  }

  private static void runBody(Execution execution, Body body) {
    ControlledThread me = ControlledRuntime.current();
    if (me == null) {
      execution.fail(new LostControl.AgentInactive());
      return;
    }
    try {
      body.run();
    } catch (ExecutionAborted aborted) {
      return;
    } catch (Throwable error) {
      ControlledRuntime.bodyFailed(me, error);
      return;
    }
    ControlledRuntime.bodyFinished(me);
  }

  private static List<ControlledThread> awaitThreadsGone(Execution execution) {
    long deadline = System.nanoTime() + UNWIND_TIMEOUT.toNanos();
    List<ControlledThread> stuck = new ArrayList<>();
    for (ControlledThread t : snapshot(execution)) {
      if (PoolWorkers.isCommonPoolWorker(t.thread)) {
        awaitReleasedWorkerParked(t, deadline);
        continue;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      try {
        if (left > 0) t.thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.thread.isAlive()) stuck.add(t);
    }
    return stuck;
  }

  /**
   * A released common-pool worker stays alive for the next execution; it must be back in its real
   * park first, so that it cannot grab the next execution's tasks before being adopted, nor still
   * be on its way there (counted running by the pool) when the next execution submits. Parked is
   * not enough: a worker waiting for its turn inside Weft is parked too, and the abort's unpark
   * may still wake it, or leave a permit that makes its next real park return at once. So the
   * worker must have released itself (after the abort) and be parked outside Weft's code.
   */
  private static void awaitReleasedWorkerParked(ControlledThread t, long deadline) {
    while (t.thread.isAlive() && !(t.released && PoolWorkers.isParkedForWork(t.thread))
        && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static List<ControlledThread> snapshot(Execution execution) {
    while (true) {
      try {
        return new ArrayList<>(execution.threads());
      } catch (RuntimeException concurrentlyModified) {
        Thread.onSpinWait();
      }
    }
  }
}
