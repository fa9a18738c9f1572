package dev.weft.examples.stopflag;

/**
 * Buggy: the worker spins on a plain {@code boolean} that another thread sets to stop it.
 *
 * <p>Nothing orders the write of {@code stopped} before the worker's reads: the JIT may read the
 * field once, keep it in a register and spin for ever, and the service never shuts down. {@link
 * VolatileFlagPoller} is the fix.
 */
public final class PlainFlagPoller implements Poller {
  private boolean stopped;

  @Override
  public int pollUntilStopped() {
    int polls = 0;
    while (!stopped) {
      polls++;
      Thread.onSpinWait();
    }
    return polls;
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
