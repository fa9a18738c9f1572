package dev.weft.examples.stopflag;

import dev.weft.examples.Threads;

/** A worker polls; the main thread stops it and waits for it to end. */
public final class ShutdownScenario {
  private ShutdownScenario() {}

  public static void stopTheWorker(Poller poller) throws InterruptedException {
    Thread worker = Threads.start("worker", poller::pollUntilStopped);
    poller.stop();
    worker.join();
  }
}
