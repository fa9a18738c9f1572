package dev.weft.examples.lockorder;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 10: lock-order inversion between two ReentrantReadWriteLocks. The buggy version must fail
 * with the expected kind; the fixed one must survive every explored interleaving. The scenario
 * lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it creates its
 * objects and threads anew in each execution.
 */
class ProductCatalogTest {

  @RaceTest(expect = Failure.Kind.DEADLOCK)
  void oppositeLockOrdersDeadlock() throws InterruptedException {
    ImportAndRepriceScenario.importDuringRepricing(new ProductCatalog());
  }

  @RaceTest
  void oneGlobalLockOrderCannotDeadlock() throws InterruptedException {
    ImportAndRepriceScenario.importDuringRepricing(new ProductCatalogFixed());
  }
}
