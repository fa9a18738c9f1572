package dev.weft.examples.lazyinit;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 8: lazy initialisation of a shared map without safe publication. The buggy version must
 * fail with the expected kind; the fixed one must survive every explored interleaving. The
 * scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it
 * creates its objects and threads anew in each execution.
 */
class CurrencyConverterTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void lazilyLoadedHashMapIsPublishedUnsafely() throws InterruptedException {
    CheckoutScenario.firstTwoCheckouts(new CurrencyConverter());
  }

  @RaceTest
  void volatileImmutableTableIsPublishedSafely() throws InterruptedException {
    CheckoutScenario.firstTwoCheckouts(new CurrencyConverterFixed());
  }
}
