package dev.weft.internal.runtime;

import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.StackFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A loss of control as a typed failure: the watchdog's verdict, with the threads as it saw them. */
final class LostControlFinding {
  private LostControlFinding() {}

  static LostControl stalled(Execution execution, Duration timeout) {
    ControlledThread t = execution.running();
    return new LostControl.Stall(t == null ? null : state(t), timeout);
  }

  /** The turn holder waited in real time for {@code waited} in all (see the watchdog). */
  static LostControl waitedInRealTime(Execution execution, Duration waited) {
    return new LostControl.RealTimeWait(state(execution.running()), waited);
  }

  /** The deadline ended the execution. */
  static LostControl outOfTime(Execution execution) {
    ControlledThread t = execution.running();
    return new LostControl.OutOfTime(t == null ? null : state(t));
  }

  /**
   * {@code creator}, the running thread, is creating a virtual thread that Weft cannot schedule
   * ({@link VirtualThreads#controlled}).
   */
  static LostControl virtualThreadCreated(ControlledThread creator) {
    return new LostControl.VirtualThreadCreated(state(creator),
        Runtime.version().feature() < VirtualThreads.FIRST_CONTROLLED_JDK);
  }

  static LostControl didNotStop(List<ControlledThread> stuck) {
    List<LostControl.ThreadState> states = new ArrayList<>();
    for (ControlledThread t : stuck) states.add(state(t));
    return new LostControl.KeptRunning(states);
  }

  private static LostControl.ThreadState state(ControlledThread t) {
    return new LostControl.ThreadState(t.ref(), t.thread.getState(),
        StackFrames.ofTheProgram(t.thread.getStackTrace()));
  }
}
