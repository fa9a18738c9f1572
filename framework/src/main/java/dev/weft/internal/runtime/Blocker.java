package dev.weft.internal.runtime;

import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.WaitEdge;
import java.util.List;

/**
 * What a blocked controlled thread waits for: one immutable value per block, replaced when what it
 * waits for changes (a notified waiter goes on to re-acquire its monitor). Each kind answers every
 * question the runtime asks about a blocked thread, so a new kind of blocking is one new class:
 * whether the thread may run, what choosing it does, how an interrupt or its timeout changes the
 * wait, and what a deadlock report says it waits for. Its step ({@link #stepObject}) synchronizes on
 * what it waits for.
 */
sealed interface Blocker permits MonitorEnter, ObjectWait, Join, Park {

  /** The numbered object the blocked step synchronizes on ({@code NextSteps.objectOf}). */
  int stepObject();

  /** Where the thread blocked, or -1 when unknown (inside the JDK). */
  int site();

  /** Virtual-time deadline of a timed wait, or -1. */
  long deadline();

  /** Whether what {@code waiter} waits for is there, so the scheduler may choose it. */
  boolean isEnabled(ControlledThread waiter);

  /**
   * Whether {@code deadline} (-1: none) is one the virtual clock has passed, so that the
   * scheduler may choose the waiter to time out. A wait without a deadline never looks at the
   * clock (nor at its thread's execution).
   */
  static boolean deadlinePassed(long deadline, ControlledThread waiter) {
    return deadline >= 0 && waiter.execution.virtualClock().passed(deadline);
  }

  /** {@code waiter} was chosen: performs what it waited for; returns why its wait ended. */
  WakeReason wake(ControlledThread waiter);

  /** {@code waiter} was interrupted: what it waits for afterwards ({@code this} when nothing changes). */
  Blocker interrupted(ControlledThread waiter);

  /** The deadline passed (the virtual clock moved to it): what {@code waiter} waits for now. */
  Blocker timedOut(ControlledThread waiter);

  /** Whether an unpark from a thread outside the execution could end this wait. */
  boolean awaitsUnpark();

  /** For a deadlock report: what {@code waiter} waits for, and who holds it. */
  Awaiting awaiting(ControlledThread waiter, Execution execution);

  /** What a blocked thread waits for, and the threads holding it, with where they took it. */
  record Awaiting(Awaited awaited, List<WaitEdge.Holder> holders) {
    Awaiting(Awaited awaited) {
      this(awaited, List.of());
    }
  }
}
