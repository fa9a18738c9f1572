package dev.weft.examples.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Buggy: counts failures with a {@code get} followed by a {@code put} on a
 * {@link ConcurrentHashMap}, a check-then-act that loses updates.
 *
 * <p>Each call is thread-safe on its own, but the pair is not atomic: two login threads can both
 * read 2 and both write 3, so two failures count as one. There is no data race here, every access
 * is properly synchronized, which is why race detectors stay silent; the bug shows only in the
 * result: an attacker guessing passwords on several connections gets more guesses than the limit.
 * {@link LoginThrottleFixed} is the fix.
 */
public final class LoginThrottle implements LoginGuard {
  private final ConcurrentMap<String, Integer> failures = new ConcurrentHashMap<>();

  @Override
  public void recordFailure(String user) {
    Integer seen = failures.get(user);
    failures.put(user, seen == null ? 1 : seen + 1);
  }

  @Override
  public int failures(String user) {
    return failures.getOrDefault(user, 0);
  }
}
