package dev.weft.examples.checkthenact;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 7: check-then-act (get, then put) on a ConcurrentHashMap loses updates; no data race, the
 * count assertion fails. The buggy version must fail with the expected kind; the fixed one must
 * survive every explored interleaving. The scenario lives in main code so that {@link
 * dev.weft.examples.ShowBugs} can run it too; it creates its objects and threads anew in each
 * execution.
 */
class LoginThrottleTest {

  @RaceTest(expect = Failure.Kind.EXCEPTION)
  void getThenPutLosesFailedLogins() throws InterruptedException {
    PasswordGuessingScenario.guessesOnTwoConnections(new LoginThrottle());
  }

  @RaceTest
  void mergeCountsEveryFailedLogin() throws InterruptedException {
    PasswordGuessingScenario.guessesOnTwoConnections(new LoginThrottleFixed());
  }
}
