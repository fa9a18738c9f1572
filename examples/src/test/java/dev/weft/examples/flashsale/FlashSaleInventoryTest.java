package dev.weft.examples.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.RaceTest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Case 11: the correct design, striped locks over plain maps, under Weft. Written out in full as
 * a model of a {@code @RaceTest}: the body builds everything it shares, starts the threads, joins
 * them and asserts the invariant, and Weft runs it once per explored interleaving.
 */
class FlashSaleInventoryTest {

  @RaceTest
  void stripedLocksNeverOversellAndNeverDeadlock() throws InterruptedException {
    FlashSaleInventory inventory = new FlashSaleInventory(4);
    inventory.restock("phone", 2);
    inventory.restock("case", 1);
    AtomicInteger phonesSold = new AtomicInteger();
    AtomicInteger casesSold = new AtomicInteger();

    Thread buyer1 = new Thread(() -> {
      if (inventory.reserve("phone", 1)) phonesSold.incrementAndGet();
      if (inventory.reserve("case", 1)) casesSold.incrementAndGet();
    }, "buyer-1");
    Thread buyer2 = new Thread(() -> {
      if (inventory.reserve("phone", 1)) phonesSold.incrementAndGet();
      if (inventory.reserve("phone", 1)) phonesSold.incrementAndGet();
    }, "buyer-2");
    buyer1.start();
    buyer2.start();
    // The stock dashboard reads the whole inventory while the sale runs.
    assertThat(inventory.totalAvailable()).isBetween(0, 3);
    buyer1.join();
    buyer2.join();

    // Three phone orders for two phones: exactly two succeed, none is lost or oversold.
    assertThat(phonesSold).hasValue(2);
    assertThat(casesSold).hasValue(1);
    assertThat(inventory.available("phone")).isZero();
    assertThat(inventory.totalAvailable()).isZero();
  }
}
