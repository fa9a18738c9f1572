package dev.weft.examples.synchronizedmap;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 9: Collections.synchronizedMap iterated without holding its lock. The buggy version must
 * fail with the expected kind; the fixed one must survive every explored interleaving. The
 * scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it
 * creates its objects and threads anew in each execution.
 */
class ConnectionRegistryTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void iterationWithoutTheMapsLockRaces() throws InterruptedException {
    AdminEndpointScenario.listWhileAccepting(new ConnectionRegistry());
  }

  @RaceTest
  void iterationHoldingTheMapsLockIsSafe() throws InterruptedException {
    AdminEndpointScenario.listWhileAccepting(new ConnectionRegistryFixed());
  }
}
