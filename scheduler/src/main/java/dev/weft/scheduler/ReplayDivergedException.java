package dev.weft.scheduler;

/**
 * A replayed schedule no longer fits the program: at some step the recorded choice was not
 * possible (the program changed, or it is not deterministic apart from its threads).
 */
public final class ReplayDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int step;

  /**
   * @param step index of the decision that could not be replayed
   * @param detail what the schedule asked for and what was possible
   */
  public ReplayDivergedException(int step, String detail) {
    super("replay diverged at step " + step + ": " + detail
        + ". The code under test changed since the token was recorded, or it depends on"
        + " something other than thread scheduling (time, randomness, hash codes of objects"
        + " without hashCode). Run the exploration again for a fresh token.");
    this.step = step;
  }

  /** Index of the scheduling decision (0-based) that could not be replayed. */
  public int step() {
    return step;
  }
}
