package dev.weft.bench;

import dev.weft.Strategy;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

/**
 * What tracking thread-unsafe JDK objects costs (issue 15): executions per second with race
 * detection on and off, for a thread-confined StringBuilder and SimpleDateFormat used many times
 * (no scheduling point while one thread uses them) and for a SimpleDateFormat two threads share
 * under one lock. Run: {@code mvn -B -q -pl bench package exec:exec
 * -Dbench.main=dev.weft.bench.JdkObjectBenchmark}.
 */
public final class JdkObjectBenchmark {
  private JdkObjectBenchmark() {}

  private static final Date DAY = new Date(86_400_000L);

  /** Each of two threads builds a 1,000-append string and formats 20 dates with its own format. */
  static void confinedObjects() throws InterruptedException {
    Runnable work = () -> {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < 1_000; i++) out.append(i);
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
      for (int i = 0; i < 20; i++) out.append(format.format(DAY));
      if (out.length() == 0) throw new AssertionError();
    };
    Thread t = new Thread(work);
    t.start();
    work.run();
    t.join();
  }

  /** Two threads format 10 dates each with one SimpleDateFormat, under one monitor. */
  static void sharedUnderALock() throws InterruptedException {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
    Object lock = new Object();
    Runnable work = () -> {
      for (int i = 0; i < 10; i++) {
        synchronized (lock) {
          format.format(DAY);
        }
      }
    };
    Thread t = new Thread(work);
    t.start();
    work.run();
    t.join();
  }

  public static void main(String[] args) {
    System.out.println("Weft JDK object benchmark on "
        + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version"));
    RuntimeBenchmark.compareDetection("2 threads, confined StringBuilder + SDF", Strategy.PCT,
        JdkObjectBenchmark::confinedObjects);
    RuntimeBenchmark.compareDetection("2 threads x 10 SDF.format under a lock", Strategy.PCT,
        JdkObjectBenchmark::sharedUnderALock);
  }
}
