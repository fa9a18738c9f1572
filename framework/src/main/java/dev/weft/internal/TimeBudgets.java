package dev.weft.internal;

import dev.weft.Failure;
import dev.weft.internal.failure.FailureDetails;

/** What the phases of an exploration do with the time they have. */
final class TimeBudgets {
  private TimeBudgets() {}

  /**
   * Whether shrinking {@code found} can pay: a loss of control (or Weft's own failure) ends only
   * when the watchdog fires, so every re-execution of it would wait that long again, and a simpler
   * schedule of it explains nothing more.
   */
  static boolean worthShrinking(FailureDetails found) {
    return found.kind() != Failure.Kind.LOST_CONTROL
        && found.kind() != Failure.Kind.INTERNAL_ERROR;
  }
}
