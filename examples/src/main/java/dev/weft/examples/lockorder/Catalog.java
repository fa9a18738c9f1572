package dev.weft.examples.lockorder;

/**
 * A shop's products and their prices, kept in two maps with a read-write lock each, so that price
 * lookups (most of the traffic) never wait for each other.
 */
public interface Catalog {
  /** Adds a product with its first price. */
  void addProduct(String sku, String name, long priceCents);

  /** Changes the price of an existing product. */
  void reprice(String sku, long priceCents);

  /** The current price of {@code sku}. */
  long price(String sku);
}
