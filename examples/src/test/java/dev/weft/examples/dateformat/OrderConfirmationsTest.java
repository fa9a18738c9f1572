package dev.weft.examples.dateformat;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 12: a SimpleDateFormat shared by two request threads. The buggy version must fail with a
 * data race on the formatter; the DateTimeFormatter one must survive every explored interleaving.
 * The scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run it too; it
 * creates its objects and threads anew in each execution.
 */
class OrderConfirmationsTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void twoRequestThreadsShareOneSimpleDateFormat() throws InterruptedException {
    ConfirmationScenario.twoConfirmations(new OrderConfirmations());
  }

  @RaceTest
  void aDateTimeFormatterServesEveryThread() throws InterruptedException {
    ConfirmationScenario.twoConfirmations(new OrderConfirmationsFixed());
  }
}
