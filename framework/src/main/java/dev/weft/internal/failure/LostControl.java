package dev.weft.internal.failure;

import dev.weft.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Weft lost control of the execution: one record per way that happens. */
public sealed interface LostControl extends FailureDetails {

  @Override
  default Failure.Kind kind() {
    return Failure.Kind.LOST_CONTROL;
  }

  /** A thread as the watchdog found it: its state and stack, innermost first. */
  record ThreadState(ThreadRef thread, Thread.State state, List<StackTraceElement> stack) {
    public ThreadState {
      Objects.requireNonNull(thread, "thread");
      Objects.requireNonNull(state, "state");
      stack = List.copyOf(stack);
    }
  }

  /**
   * The thread holding the turn reached no scheduling point for {@code timeout} (it blocked or
   * computed where Weft cannot see it); {@code running} is null when no thread held the turn.
   */
  record Stall(ThreadState running, Duration timeout) implements LostControl {
    public Stall {
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  /**
   * The thread holding the turn waited in real time, where Weft does not control the wait (a
   * class it could not instrument, the JDK waiting on its own), for {@code waited} in all: it
   * reaches a scheduling point now and then, so it never stalls, and never ends either.
   */
  record RealTimeWait(ThreadState running, Duration waited) implements LostControl {
    public RealTimeWait {
      Objects.requireNonNull(running, "running");
      Objects.requireNonNull(waited, "waited");
    }
  }

  /**
   * The time limit of the exploration (or of shrinking) ended the execution; {@code running} is
   * the thread that held the turn, null when none did.
   */
  record OutOfTime(ThreadState running) implements LostControl {}

  /** Threads of the execution still ran after it ended, and could not be unwound. */
  record KeptRunning(List<ThreadState> threads) implements LostControl {
    public KeptRunning {
      threads = List.copyOf(threads);
    }
  }

  /**
   * A controlled thread created a virtual thread where Weft cannot schedule one: its steps would
   * run outside the schedule, unexplored and unchecked. {@code jdkTooOld}: the JDK is 21 to 23
   * (Weft controls virtual threads from JDK 24); otherwise its agent could not instrument {@code
   * java.lang.VirtualThread}.
   */
  record VirtualThreadCreated(ThreadState creator, boolean jdkTooOld) implements LostControl {
    public VirtualThreadCreated {
      Objects.requireNonNull(creator, "creator");
    }
  }

  /** The body's thread carried no Weft instrumentation: the agent is not active. */
  record AgentInactive() implements LostControl {}

  /** The strategy refused to go on (a replay that no longer fits the program). */
  record StrategyFailed(RuntimeException error) implements LostControl {
    public StrategyFailed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public Optional<Throwable> cause() {
      return Optional.of(error);
    }
  }

  /** The thread running the exploration was interrupted. */
  record Interrupted(InterruptedException interruption) implements LostControl {
    public Interrupted {
      Objects.requireNonNull(interruption, "interruption");
    }

    @Override
    public Optional<Throwable> cause() {
      return Optional.of(interruption);
    }
  }
}
