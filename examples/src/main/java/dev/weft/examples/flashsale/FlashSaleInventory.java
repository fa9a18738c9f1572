package dev.weft.examples.flashsale;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct design: flash-sale stock in striped (sharded) maps, the production pattern of the Go
 * articles' sharded map: each SKU belongs to one stripe, a plain {@link HashMap} guarded by that
 * stripe's own lock.
 *
 * <p>A reservation must check the stock and take it in one step, or two buyers can both see the
 * last unit; holding the SKU's stripe lock for the check and the decrement makes it one step, and
 * the lock orders every access to the stripe's map. One lock for the whole inventory would do the
 * same, but during a sale every buyer would queue on it; with stripes, buyers of SKUs in different
 * stripes never wait for each other. The rare whole-inventory read, {@link #totalAvailable}, takes
 * all stripe locks in index order: since nothing else ever holds two of them, that one order rules
 * out deadlock.
 */
public final class FlashSaleInventory {
  private final Stripe[] stripes;

  private static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, Integer> unitsBySku = new HashMap<>();
  }

  /** An empty inventory of {@code stripeCount} stripes (a few per core is typical). */
  public FlashSaleInventory(int stripeCount) {
    if (stripeCount < 1) throw new IllegalArgumentException("stripeCount " + stripeCount);
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new Stripe();
    }
  }

  private Stripe stripeOf(String sku) {
    return stripes[Math.floorMod(sku.hashCode(), stripes.length)];
  }

  /** Adds {@code units} of {@code sku} to the stock. */
  public void restock(String sku, int units) {
    Stripe stripe = stripeOf(sku);
    stripe.lock.lock();
    try {
      stripe.unitsBySku.merge(sku, units, Integer::sum);
    } finally {
      stripe.lock.unlock();
    }
  }

  /** Takes {@code units} of {@code sku} if that many are left; false (and no change) otherwise. */
  public boolean reserve(String sku, int units) {
    Stripe stripe = stripeOf(sku);
    stripe.lock.lock();
    try {
      int left = stripe.unitsBySku.getOrDefault(sku, 0);
      if (left < units) return false;
      stripe.unitsBySku.put(sku, left - units);
      return true;
    } finally {
      stripe.lock.unlock();
    }
  }

  /** Units of {@code sku} left. */
  public int available(String sku) {
    Stripe stripe = stripeOf(sku);
    stripe.lock.lock();
    try {
      return stripe.unitsBySku.getOrDefault(sku, 0);
    } finally {
      stripe.lock.unlock();
    }
  }

  /** Units left of all SKUs together, as of one instant. */
  public int totalAvailable() {
    for (Stripe stripe : stripes) {
      stripe.lock.lock();
    }
    try {
      int total = 0;
      for (Stripe stripe : stripes) {
        for (int units : stripe.unitsBySku.values()) {
          total += units;
        }
      }
      return total;
    } finally {
      for (int i = stripes.length - 1; i >= 0; i--) {
        stripes[i].lock.unlock();
      }
    }
  }
}
