package dev.weft.examples.checkthenact;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** The workload of both guards: password guesses for one account on two connections at once. */
public final class PasswordGuessingScenario {
  private PasswordGuessingScenario() {}

  /** Two connections fail two logins each: all four must count, and the account be locked. */
  public static void guessesOnTwoConnections(LoginGuard guard) throws InterruptedException {
    Runnable twoWrongPasswords = () -> {
      guard.recordFailure("alice");
      guard.recordFailure("alice");
    };
    Thread first = Threads.start("connection-1", twoWrongPasswords);
    Thread second = Threads.start("connection-2", twoWrongPasswords);
    Threads.joinAll(first, second);
    Check.equal(4, guard.failures("alice"), "failed logins of alice");
    Check.that(guard.isLocked("alice"), "alice's account must be locked after 4 failures");
  }
}
