package dev.weft;

/**
 * Thrown by {@link Weft#replay} when the token no longer fits the body: at some scheduling
 * decision the recorded choice was not possible. The body changed since the token was recorded,
 * or it depends on something other than thread scheduling (time, randomness, identity hash
 * codes). Run the exploration again for a fresh token.
 */
public final class ReplayDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int step;

  ReplayDivergedException(int step, String message) {
    super(message);
    this.step = step;
  }

  /** Index (0-based) of the scheduling decision that could not be replayed. */
  public int step() {
    return step;
  }
}
