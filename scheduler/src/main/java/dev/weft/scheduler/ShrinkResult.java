package dev.weft.scheduler;

import java.time.Duration;

/** The simplest failing run a {@link ScheduleShrinker} found, and what finding it cost. */
public final class ShrinkResult {

  /** Why shrinking stopped. */
  public enum Stop {
    /** No method made the run any simpler: the result is a local minimum. */
    FIXPOINT,
    /** The maximum number of re-executions was used up; a simpler run may exist. */
    RUN_LIMIT,
    /** The maximum duration was used up; a simpler run may exist. */
    TIME_LIMIT
  }

  private final FailingRun original;
  private final FailingRun shrunk;
  private final int reExecutions;
  private final Duration elapsed;
  private final Stop stop;

  ShrinkResult(FailingRun original, FailingRun shrunk, int reExecutions, Duration elapsed,
      Stop stop) {
    this.original = original;
    this.shrunk = shrunk;
    this.reExecutions = reExecutions;
    this.elapsed = elapsed;
    this.stop = stop;
  }

  /** The simplest run found; the original one if nothing simpler failed the same way. */
  public FailingRun shrunk() {
    return shrunk;
  }

  /** The schedule of {@link #shrunk()}: it replays strictly to the same failure. */
  public Schedule schedule() {
    return shrunk.schedule();
  }

  /** Preemptions of the run given to the shrinker. */
  public int originalPreemptions() {
    return original.preemptions();
  }

  /** Steps of the run given to the shrinker. */
  public int originalSteps() {
    return original.steps();
  }

  /** Preemptions of {@link #shrunk()}. */
  public int preemptions() {
    return shrunk.preemptions();
  }

  /** Steps of {@link #shrunk()}. */
  public int steps() {
    return shrunk.steps();
  }

  /** Whether a simpler run than the original was found. */
  public boolean improved() {
    return shrunk != original;
  }

  /** Times the program was run on a candidate schedule. */
  public int reExecutions() {
    return reExecutions;
  }

  /** Time spent shrinking, re-executions included. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Whether shrinking ran to a fixpoint or was cut short by a limit. */
  public Stop stop() {
    return stop;
  }

  @Override
  public String toString() {
    return "shrunk from " + originalPreemptions() + " preemptions in " + originalSteps()
        + " steps to " + preemptions() + " in " + steps() + " (" + reExecutions
        + " re-executions, " + elapsed.toMillis() + " ms, " + stop + ")";
  }
}
