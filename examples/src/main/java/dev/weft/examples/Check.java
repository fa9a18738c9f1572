package dev.weft.examples;

import java.util.Objects;

/**
 * The invariant checks of the scenarios. They live in main code (so {@link ShowBugs} can run the
 * scenarios without a test library) and throw {@link AssertionError} like a test assertion: a
 * violated invariant in any thread makes the execution fail as an exception.
 */
public final class Check {
  private Check() {}

  /** Fails unless {@code condition} holds. */
  public static void that(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }

  /** Fails unless {@code actual} equals {@code expected}. */
  public static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }
}
