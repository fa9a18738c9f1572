package dev.weft.examples.synchronizedmap;

import java.util.List;

/** A server's open client connections, listed by an admin endpoint. */
public interface Connections {
  /** Records that connection {@code id} from {@code client} was accepted. */
  void opened(String id, String client);

  /** Records that connection {@code id} was closed. */
  void closed(String id);

  /** One line {@code id <- client} per open connection, sorted, for the admin endpoint. */
  List<String> describe();
}
