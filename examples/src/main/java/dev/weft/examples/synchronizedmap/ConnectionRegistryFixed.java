package dev.weft.examples.synchronizedmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed {@link ConnectionRegistry}: {@link #describe} holds the map's own lock,
 * {@code synchronized (clientById)}, for the whole iteration.
 *
 * <p>The wrapper synchronizes every method on the wrapper object itself, so locking that same
 * object around the loop excludes all its other methods for the loop's duration: no connection can
 * be added or removed mid-iteration, and everything written before is visible. Locking any other
 * object would exclude nothing. The loop only copies out lines, keeping the lock short.
 */
public final class ConnectionRegistryFixed implements Connections {
  private final Map<String, String> clientById = Collections.synchronizedMap(new HashMap<>());

  @Override
  public void opened(String id, String client) {
    clientById.put(id, client);
  }

  @Override
  public void closed(String id) {
    clientById.remove(id);
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    synchronized (clientById) {
      for (Map.Entry<String, String> connection : clientById.entrySet()) {
        lines.add(connection.getKey() + " <- " + connection.getValue());
      }
    }
    Collections.sort(lines);
    return lines;
  }
}
