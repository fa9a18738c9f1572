package dev.weft.agent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Asks the running JDK, without Weft, whether {@code println} takes the stream's monitor. */
final class PrintStreamProbe {
  private PrintStreamProbe() {}

  static boolean printlnBlocksOnTheStreamsMonitor() throws InterruptedException {
    PrintStream stream = new PrintStream(new ByteArrayOutputStream());
    CountDownLatch printed = new CountDownLatch(1);
    Thread printer = new Thread(() -> {
      stream.println("probe");
      printed.countDown();
    });
    boolean blocked;
    synchronized (stream) {
      printer.start();
      blocked = !printed.await(300, TimeUnit.MILLISECONDS);
    }
    printer.join();
    return blocked;
  }
}
