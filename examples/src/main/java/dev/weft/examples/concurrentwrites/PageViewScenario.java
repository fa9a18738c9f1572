package dev.weft.examples.concurrentwrites;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both counters: two request threads record views, some of the same page. */
public final class PageViewScenario {
  private PageViewScenario() {}

  /** Two requests of two page views each; afterwards every view must have been counted. */
  public static void twoRequestThreads(ViewCounter counter) throws InterruptedException {
    Thread first = Threads.start("request-1", () -> {
      counter.recordView("/home");
      counter.recordView("/cart");
    });
    Thread second = Threads.start("request-2", () -> {
      counter.recordView("/home");
      counter.recordView("/checkout");
    });
    Threads.joinAll(first, second);
    Check.equal(2, counter.views("/home"), "views of /home");
    Check.equal(1, counter.views("/cart"), "views of /cart");
  }
}
