package dev.weft.internal.runtime;

import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.boot.ExecutionAborted;
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

  private static final long POLL_MILLIS = 20;
  private static final Duration UNWIND_TIMEOUT = Duration.ofSeconds(5);

  /**
   * What an execution produced. {@code usedCommonPool}: common-pool workers took part, whose
   * pool is shared JVM state.
   */
  public record Outcome(ExecutionFailure failure, int steps, RuntimeException strategyError,
      boolean usedCommonPool) {}

  /** Both race detectors on ({@code raceDetection}) with default rules, or both off. */
  public static Outcome run(Body body, SchedulingStrategy strategy, int maxSteps,
      Duration stallTimeout, boolean raceDetection) {
    return run(body, strategy, maxSteps, stallTimeout, Detection.all(raceDetection), null);
  }

  /** Like {@link #run}, recording the execution's events into {@code trace} when not null. */
  public static Outcome run(Body body, SchedulingStrategy strategy, int maxSteps,
      Duration stallTimeout, boolean raceDetection, Trace trace) {
    return run(body, strategy, maxSteps, stallTimeout, Detection.all(raceDetection), trace);
  }

  /**
   * Runs one execution with the race detectors {@code detection} asks for, recording its events
   * into {@code trace} when not null.
   */
  public static Outcome run(Body body, SchedulingStrategy strategy, int maxSteps,
      Duration stallTimeout, Detection detection, Trace trace) {
    Execution execution = new Execution(strategy, maxSteps, detection);
    if (trace != null) execution.traceInto(trace);
    FieldHookHandler.activate(execution.fieldRaces());
    try {
      return runActivated(execution, body, strategy, stallTimeout);
    } finally {
      FieldHookHandler.activate(null);
    }
  }

  private static Outcome runActivated(Execution execution, Body body,
      SchedulingStrategy strategy, Duration stallTimeout) {
    strategy.useNextSteps(execution.nextSteps());
    Thread t0 = new Thread(() -> runBody(execution, body), "weft-body");
    t0.setDaemon(true);
    ControlledThread root = ControlledRuntime.adopt(execution, t0, null);
    t0.start();
    execution.start(root);
    watch(execution, stallTimeout);
    execution.abortAll();
    List<ControlledThread> stuck = awaitThreadsGone(execution);
    ControlledRuntime.forget(execution);
    if (!stuck.isEmpty() && execution.failure() == null) {
      execution.fail(LostControlReport.didNotStop(stuck));
    }
    return new Outcome(execution.failure(), execution.steps(), execution.strategyError(),
        execution.usedCommonPool());
  }

  private static void runBody(Execution execution, Body body) {
    ControlledThread me = ControlledRuntime.current();
    if (me == null) {
      execution.fail(new ExecutionFailure(Failure.Kind.LOST_CONTROL,
          "Weft's agent is not active: the body thread was not brought under control",
          "Thread.run() carries no Weft instrumentation in this JVM.", null, List.of()));
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

  /** The watchdog: a thread that holds the turn for too long has escaped the scheduler. */
  private static void watch(Execution execution, Duration stallTimeout) {
    long stallNanos = stallTimeout.toNanos();
    int lastSteps = -1;
    long lastProgress = System.nanoTime();
    try {
      while (!execution.overSignal().await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        int steps = execution.steps();
        long now = System.nanoTime();
        if (steps != lastSteps) {
          lastSteps = steps;
          lastProgress = now;
        } else if (now - lastProgress > stallNanos) {
          execution.fail(LostControlReport.stalled(execution, stallTimeout));
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      execution.fail(new ExecutionFailure(Failure.Kind.LOST_CONTROL,
          "the exploration was interrupted", "", e, List.of()));
    }
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
   * park first, so that it cannot grab the next execution's tasks before being adopted.
   */
  private static void awaitReleasedWorkerParked(ControlledThread t, long deadline) {
    while (t.thread.isAlive() && !PoolWorkers.isParkedCommonPoolWorker(t.thread)
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
