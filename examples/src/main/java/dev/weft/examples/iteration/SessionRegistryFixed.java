package dev.weft.examples.iteration;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed {@link SessionRegistry}: the sessions live in a {@link ConcurrentHashMap}, whose iterators
 * are weakly consistent.
 *
 * <p>A weakly consistent iterator may run while other threads update the map: it never throws
 * {@code ConcurrentModificationException}, returns each entry at most once, and every entry it
 * returns was completely published by the thread that put it. A session opened or closed during
 * the report may or may not appear in it, which is exactly what "who is online" can promise anyway.
 * When a report must be one consistent instant, guard the map with a lock instead (see the
 * informer example).
 */
public final class SessionRegistryFixed implements Sessions {
  private final ConcurrentMap<String, String> userBySession = new ConcurrentHashMap<>();

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
