package dev.weft.internal.runtime;

import dev.weft.internal.failure.HeldLock;
import java.util.ArrayList;
import java.util.List;

/**
 * The locks one controlled thread holds, for the "locks held" of race reports: how many monitors
 * it owns in the model, the java.util.concurrent locks its application code took, and the lock
 * set built from both, cached until one of them changes. Kept by {@link Monitors} and {@link
 * LockBookkeeping}.
 */
final class HeldLocks {
  /** Monitors the thread owns in the model. */
  int monitors;
  /**
   * java.util.concurrent locks the application code of the thread holds (reentrant holds
   * counted), in the order taken; null until the first one.
   */
  ArrayList<TakenLock> concurrent;
  /** The monitors and locks held, for reports; null when it must be rebuilt. */
  List<HeldLock> cached;

  void monitorTaken() {
    monitors++;
    cached = null;
  }

  void monitorReleased() {
    monitors--;
    cached = null;
  }

  boolean none() {
    return monitors == 0 && (concurrent == null || concurrent.isEmpty());
  }
}
