package dev.weft.examples.dateformat;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both versions: two request threads print the dates of their orders. */
public final class ConfirmationScenario {
  private ConfirmationScenario() {}

  /** 2026-12-01 and 2026-12-02, 00:00 UTC. */
  private static final long FIRST = 1_796_083_200_000L;
  private static final long SECOND = FIRST + 86_400_000L;

  /** Two requests confirm an order each; each confirmation must carry its own order's day. */
  public static void twoConfirmations(OrderDates dates) throws InterruptedException {
    String[] printed = new String[2];
    Thread first = Threads.start("request-1", () -> printed[0] = dates.day(FIRST));
    Thread second = Threads.start("request-2", () -> printed[1] = dates.day(SECOND));
    Threads.joinAll(first, second);
    Check.equal("2026-12-01", printed[0], "day of the first order");
    Check.equal("2026-12-02", printed[1], "day of the second order");
  }
}
