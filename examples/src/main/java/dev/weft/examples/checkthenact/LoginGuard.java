package dev.weft.examples.checkthenact;

/** Counts failed logins per user and locks the account after too many, against password guessing. */
public interface LoginGuard {
  /** Failed logins after which an account is locked. */
  int MAX_FAILURES = 4;

  /** Records one failed login of {@code user}. */
  void recordFailure(String user);

  /** Failed logins of {@code user} so far. */
  int failures(String user);

  /** Whether {@code user}'s account is locked. */
  default boolean isLocked(String user) {
    return failures(user) >= MAX_FAILURES;
  }
}
