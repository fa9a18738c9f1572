package dev.weft.internal.runtime;

import dev.weft.internal.failure.LostControl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches one execution from the runner's thread and ends it when Weft has lost control of it:
 *
 * <ul>
 *   <li>the thread holding the turn makes no step for the stall timeout (it blocks where Weft
 *       cannot see, or computes for that long), where loading, defining, instrumenting and
 *       initializing classes counts as progress: it is the JVM's work, however long it takes;
 *   <li>the thread holding the turn has spent the stall timeout, in all, waiting in real time
 *       ({@code Object.wait(1000)} or a sleep in code Weft does not control): such a loop takes a
 *       step now and then and would never stall, but also never end;
 *   <li>the deadline passes (the exploration's time limit, or the end of shrinking).
 * </ul>
 */
final class Watchdog {
  private static final long POLL_MILLIS = 20;
  /** Without a step for this long, the turn holder's stack is looked at (not at every poll). */
  private static final long LOOK_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final long LOOK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Execution execution;
  private final long stallNanos;
  private final Duration stallTimeout;
  private final Deadline deadline;

  private int lastSteps = -1;
  private long lastProgress;
  private long lastPoll;
  private long lastLook;
  /** Whether the turn holder's stack was looked at since its last step, and what was found. */
  private boolean looked;
  private boolean loadingClasses;
  private boolean inTurnHandOff;
  /** Time the turn holder spent waiting in real time, in the program's own code. */
  private long realWaitNanos;

  private Watchdog(Execution execution, Duration stallTimeout, Deadline deadline) {
    this.execution = execution;
    this.stallTimeout = stallTimeout;
    this.stallNanos = stallTimeout.toNanos();
    this.deadline = deadline;
  }

  /**
   * Watches until the execution is over or has failed; returns true when the deadline ended it
   * (the execution then failed with {@link LostControlFinding#outOfTime}).
   */
  static boolean watch(Execution execution, Duration stallTimeout, Deadline deadline) {
    return new Watchdog(execution, stallTimeout, deadline).run();
  }

  private boolean run() {
    lastProgress = lastPoll = System.nanoTime();
    try {
      while (!execution.overSignal().await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (deadline.passed()) {
          execution.fail(LostControlFinding.outOfTime(execution));
          return true;
        }
        LostControl lost = poll(System.nanoTime());
        if (lost != null) {
          execution.fail(lost);
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      execution.fail(new LostControl.Interrupted(e));
    }
    return false;
  }

  /** One look at the execution; returns the loss of control it found, or null. */
  private LostControl poll(long now) {
    long sinceLastPoll = now - lastPoll;
    lastPoll = now;
    int steps = execution.steps();
    if (steps != lastSteps) {
      lastSteps = steps;
      lastProgress = now;
      looked = false;
      return null;
    }
    ControlledThread holder = execution.running();
    if (holder == null) return null;
    Thread.State state = holder.thread.getState();
    boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
    // A waiting holder is looked at once per wait at least (is it Weft's own wait for the turn?);
    // a running one only once it has gone a while without a step (is it loading classes?).
    boolean due = now - lastLook >= LOOK_EVERY_NANOS
        && (waiting || now - lastProgress >= LOOK_AFTER_NANOS);
    if ((waiting && !looked) || due) {
      lastLook = now;
      looked = true;
      StackTraceElement[] stack = holder.thread.getStackTrace();
      loadingClasses = ClassLoadingFrames.isLoadingClasses(stack);
      inTurnHandOff = isInTurnHandOff(stack);
    }
    if (looked && loadingClasses) {
      lastProgress = now;
      return null;
    }
    if (waiting && looked && !inTurnHandOff) {
      realWaitNanos += sinceLastPoll;
      if (realWaitNanos > stallNanos) {
        return LostControlFinding.waitedInRealTime(execution, Duration.ofNanos(realWaitNanos));
      }
    }
    if (now - lastProgress > stallNanos) return LostControlFinding.stalled(execution, stallTimeout);
    return null;
  }

  /** Parked in Weft's own wait for the turn: the turn is on its way, not lost. */
  private static boolean isInTurnHandOff(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals(Execution.class.getName())
          && frame.getMethodName().equals("awaitTurn")) {
        return true;
      }
    }
    return false;
  }
}
