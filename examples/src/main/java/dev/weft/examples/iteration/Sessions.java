package dev.weft.examples.iteration;

import java.util.Set;

/** The open sessions of a web application: login threads change them, a reporter lists them. */
public interface Sessions {
  /** Records that {@code user} logged in with session {@code sessionId}. */
  void open(String sessionId, String user);

  /** Records that session {@code sessionId} ended. */
  void close(String sessionId);

  /** The users with at least one open session, for the "who is online" report. */
  Set<String> usersOnline();
}
