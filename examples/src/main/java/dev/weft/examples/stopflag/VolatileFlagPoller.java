package dev.weft.examples.stopflag;

/** Fixed: a {@code volatile} flag: the worker sees the write, and everything before it. */
public final class VolatileFlagPoller implements Poller {
  private volatile boolean stopped;

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
