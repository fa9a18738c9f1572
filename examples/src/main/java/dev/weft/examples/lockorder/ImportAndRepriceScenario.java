package dev.weft.examples.lockorder;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both catalogs: a catalog import runs while the pricing job changes a price. */
public final class ImportAndRepriceScenario {
  private ImportAndRepriceScenario() {}

  /** An import adds a product while the pricing job reprices another; both must complete. */
  public static void importDuringRepricing(Catalog catalog) throws InterruptedException {
    catalog.addProduct("sku-1", "mug", 900);
    Thread importer = Threads.start("catalog-import",
        () -> catalog.addProduct("sku-2", "teapot", 2500));
    Thread pricing = Threads.start("pricing-job", () -> catalog.reprice("sku-1", 800));
    Threads.joinAll(importer, pricing);
    Check.equal(800L, catalog.price("sku-1"), "price of sku-1");
    Check.equal(2500L, catalog.price("sku-2"), "price of sku-2");
  }
}
