package dev.weft.examples.lazyinit;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;
import java.math.BigDecimal;

/** The workload of both converters: the first two checkouts after start-up, at the same time. */
public final class CheckoutScenario {
  private CheckoutScenario() {}

  /** Two checkouts convert their totals; both must get the right euro amount. */
  public static void firstTwoCheckouts(Converter converter) throws InterruptedException {
    Thread first = Threads.start("checkout-1", () -> Check.equal(new BigDecimal("90.00"),
        converter.toEuro(new BigDecimal("100"), "USD"), "100 USD in EUR"));
    Thread second = Threads.start("checkout-2", () -> Check.equal(new BigDecimal("60.00"),
        converter.toEuro(new BigDecimal("50"), "GBP"), "50 GBP in EUR"));
    Threads.joinAll(first, second);
  }
}
