package dev.weft.examples.hotreload;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Buggy: a hot reload rewrites the one live {@link HashMap} in place ({@code clear}, then
 * {@code putAll}) while request threads read it.
 *
 * <p>Between the two calls a reader finds the setting missing; during {@code putAll} it can find
 * the new minimum next to the old maximum, a combination no configuration file ever contained;
 * and nothing orders the reload's writes before the reads, so the map can be seen half-updated.
 * The unmodifiable snapshot does not help: it is a read-only view of the same live map, not a copy.
 * {@link LiveConfigFixed} is the fix.
 */
public final class LiveConfig implements Config {
  private final Map<String, String> settings;

  public LiveConfig(Map<String, String> initial) {
    settings = new HashMap<>(initial);
  }

  @Override
  public String get(String key) {
    return settings.get(key);
  }

  @Override
  public Map<String, String> snapshot() {
    return Collections.unmodifiableMap(settings);
  }

  @Override
  public void reload(Map<String, String> fresh) {
    settings.clear();
    settings.putAll(fresh);
  }
}
