package dev.weft.examples.concurrentwrites;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 1: two threads writing one HashMap, Go's "concurrent map writes". The buggy version must
 * fail with the expected kind; the fixed one must survive every explored interleaving. The
 * scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it
 * creates its objects and threads anew in each execution.
 */
class PageViewCounterTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void twoRequestThreadsWriteOneHashMap() throws InterruptedException {
    PageViewScenario.twoRequestThreads(new PageViewCounter());
  }

  @RaceTest
  void concurrentHashMapMergeCountsEveryView() throws InterruptedException {
    PageViewScenario.twoRequestThreads(new PageViewCounterFixed());
  }
}
