package dev.weft.internal.runtime;

import java.util.ArrayList;

/** The model of one object's monitor: owner, recursion count and wait set. */
final class MonitorState {
  /** The monitor's object as the object of steps ({@code NextSteps}). */
  final int stepObject;
  ControlledThread owner;
  int count;
  /** Site where the current owner acquired it, for deadlock reports. */
  int acquiredAt = -1;
  final ArrayList<ControlledThread> waitSet = new ArrayList<>(2);

  MonitorState(int stepObject) {
    this.stepObject = stepObject;
  }
}
