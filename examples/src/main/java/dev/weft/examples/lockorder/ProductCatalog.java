package dev.weft.examples.lockorder;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Buggy: {@link #addProduct} locks products, then prices; {@link #reprice} locks prices, then
 * products. Two threads taking the same two locks in opposite orders can deadlock.
 *
 * <p>The catalog import holds the products write lock and waits for the prices lock, while the
 * pricing job holds the prices write lock and waits to read products: each waits for the other
 * forever. A read lock does not avoid this, since it still waits for a writer. Each method looks
 * right on its own, and the deadlock needs both to run at the same moment, which is why it shows
 * up under production load and not in unit tests. {@link ProductCatalogFixed} is the fix.
 */
public final class ProductCatalog implements Catalog {
  private final Map<String, String> nameBySku = new HashMap<>();
  private final Map<String, Long> priceBySku = new HashMap<>();
  private final ReentrantReadWriteLock productsLock = new ReentrantReadWriteLock();
  private final ReentrantReadWriteLock pricesLock = new ReentrantReadWriteLock();

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
    pricesLock.writeLock().lock();
    try {
      productsLock.readLock().lock();
      try {
        if (!nameBySku.containsKey(sku)) throw new IllegalArgumentException("no product " + sku);
        priceBySku.put(sku, priceCents);
      } finally {
        productsLock.readLock().unlock();
      }
    } finally {
      pricesLock.writeLock().unlock();
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
