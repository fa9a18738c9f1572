package dev.weft.examples.hotreload;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 5: configuration hot reload racing the readers of the live map. The buggy version must fail
 * with the expected kind; the fixed one must survive every explored interleaving. The scenario
 * lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it creates its
 * objects and threads anew in each execution.
 */
class LiveConfigTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void reloadRewritesTheMapReadersUse() throws InterruptedException {
    HotReloadScenario.readDuringReload(LiveConfig::new);
  }

  @RaceTest
  void immutableSnapshotSwapIsSafe() throws InterruptedException {
    HotReloadScenario.readDuringReload(LiveConfigFixed::new);
  }
}
