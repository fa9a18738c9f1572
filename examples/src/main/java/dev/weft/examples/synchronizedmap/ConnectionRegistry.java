package dev.weft.examples.synchronizedmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Buggy: the connections are in a {@link Collections#synchronizedMap}, but {@link #describe}
 * iterates it without holding the map's lock.
 *
 * <p>A synchronized wrapper locks each of its own method calls, and an iteration is not one call:
 * {@code entrySet()} returns under the lock, then every {@code hasNext}/{@code next} walks the
 * underlying {@code HashMap} unlocked while the acceptor thread adds connections under the lock.
 * The iteration can skip or repeat entries or throw {@code ConcurrentModificationException}. The
 * {@code synchronizedMap} Javadoc says so, and it is easy to miss because every other use of the
 * map is safe. {@link ConnectionRegistryFixed} is the fix.
 */
public final class ConnectionRegistry implements Connections {
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
    for (Map.Entry<String, String> connection : clientById.entrySet()) {
      lines.add(connection.getKey() + " <- " + connection.getValue());
    }
    Collections.sort(lines);
    return lines;
  }
}
