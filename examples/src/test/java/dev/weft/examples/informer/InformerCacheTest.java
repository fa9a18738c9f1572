package dev.weft.examples.informer;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 3: a Kubernetes-operator informer cache shared by event handlers and the status updater.
 * The buggy version must fail with the expected kind; the fixed one must survive every explored
 * interleaving. The scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run
 * it too; it creates its objects and threads anew in each execution.
 */
class InformerCacheTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void informersAndStatusUpdaterShareAHashMap() throws InterruptedException {
    InformerScenario.twoInformersAndStatusUpdater(new InformerCache());
  }

  @RaceTest
  void readWriteLockGivesConsistentStatus() throws InterruptedException {
    InformerScenario.twoInformersAndStatusUpdater(new InformerCacheFixed());
  }
}
