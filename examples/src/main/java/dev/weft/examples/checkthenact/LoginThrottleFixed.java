package dev.weft.examples.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed {@link LoginThrottle}: the read and the write are one {@code merge}.
 *
 * <p>{@code merge} runs the whole read-modify-write of the key inside the map, with the key's bin
 * locked, so no other update of that user can fall between reading the old count and storing the
 * new one. The same holds for {@code compute} and {@code computeIfAbsent}; a loop of
 * {@code replace(key, old, new)} retries would be correct too, but longer to get right.
 */
public final class LoginThrottleFixed implements LoginGuard {
  private final ConcurrentMap<String, Integer> failures = new ConcurrentHashMap<>();

  @Override
  public void recordFailure(String user) {
    failures.merge(user, 1, Integer::sum);
  }

  @Override
  public int failures(String user) {
    return failures.getOrDefault(user, 0);
  }
}
