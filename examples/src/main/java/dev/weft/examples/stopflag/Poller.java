package dev.weft.examples.stopflag;

/** A worker that polls for work until it is stopped. */
public interface Poller {
  /** Runs until {@link #stop} is called; returns how many times it polled. */
  int pollUntilStopped();

  void stop();
}
