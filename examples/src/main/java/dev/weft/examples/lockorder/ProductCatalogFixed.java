package dev.weft.examples.lockorder;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Fixed {@link ProductCatalog}: every method that needs both locks takes them in one global order,
 * products before prices.
 *
 * <p>A deadlock needs a cycle of threads each holding a lock the next one waits for. With one
 * order, a thread holding the prices lock never waits for the products lock, so no cycle can form,
 * whatever the timing. The order is a rule of the whole class, not of one method: it is written
 * down here, and any new method that takes both locks must follow it.
 */
public final class ProductCatalogFixed implements Catalog {
  // Lock order: productsLock, then pricesLock.
  private final ReentrantReadWriteLock productsLock = new ReentrantReadWriteLock();
  private final ReentrantReadWriteLock pricesLock = new ReentrantReadWriteLock();
  private final Map<String, String> nameBySku = new HashMap<>();
  private final Map<String, Long> priceBySku = new HashMap<>();

  @Override
  public void addProduct(String sku, String name, long priceCents) {
    productsLock.writeLock().lock();
    try {
      pricesLock.writeLock().lock();
      try {
        nameBySku.put(sku, name);
        priceBySku.put(sku, priceCents);
      } finally {
        pricesLock.writeLock().unlock();
      }
    } finally {
      productsLock.writeLock().unlock();
    }
  }

  @Override
  public void reprice(String sku, long priceCents) {
    productsLock.readLock().lock();
    try {
      pricesLock.writeLock().lock();
      try {
        if (!nameBySku.containsKey(sku)) throw new IllegalArgumentException("no product " + sku);
        priceBySku.put(sku, priceCents);
      } finally {
        pricesLock.writeLock().unlock();
      }
    } finally {
      productsLock.readLock().unlock();
    }
  }

  @Override
  public long price(String sku) {
    pricesLock.readLock().lock();
    try {
      return priceBySku.get(sku);
    } finally {
      pricesLock.readLock().unlock();
    }
  }
}
