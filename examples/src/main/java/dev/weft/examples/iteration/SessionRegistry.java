package dev.weft.examples.iteration;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Buggy: the reporter iterates a plain {@link HashMap} while login threads add and remove sessions,
 * the Java form of Go's {@code for k, v := range m} racing a write to {@code m}.
 *
 * <p>A {@code HashMap} iterator walks the live table without any synchronization: a concurrent put
 * or remove can move entries between buckets under it, so the iteration may skip or repeat
 * entries, throw {@code ConcurrentModificationException} (on a best-effort basis only: the
 * modification count it checks is itself read without synchronization) or see an entry half
 * built. The fix, {@link SessionRegistryFixed}, is a map whose iterators are designed for this.
 */
public final class SessionRegistry implements Sessions {
  private final Map<String, String> userBySession = new HashMap<>();

  @Override
  public void open(String sessionId, String user) {
    userBySession.put(sessionId, user);
  }

  @Override
  public void close(String sessionId) {
    userBySession.remove(sessionId);
  }

  @Override
  public Set<String> usersOnline() {
    Set<String> users = new TreeSet<>();
    for (Map.Entry<String, String> session : userBySession.entrySet()) {
      users.add(session.getValue());
    }
    return users;
  }
}
