package dev.weft.examples.hotreload;

import java.util.Map;

/**
 * Fixed {@link LiveConfig}: a reload builds a complete immutable map ({@code Map.copyOf}) and swaps
 * it in with one write of a {@code volatile} field, the RCU-style snapshot of the Go articles'
 * {@code atomic.Value}.
 *
 * <p>No thread ever changes a map another thread can see: a reader gets either the old map or the
 * new one, whole, and keeps using the one it got even if a reload happens meanwhile, which is what
 * makes related settings consistent with each other. The volatile write happens-before every read
 * that sees it, so the new map's contents are fully visible. Reads take no lock, and a reload costs
 * one copy.
 */
public final class LiveConfigFixed implements Config {
  private volatile Map<String, String> settings;

  public LiveConfigFixed(Map<String, String> initial) {
    settings = Map.copyOf(initial);
  }

  @Override
  public String get(String key) {
    return settings.get(key);
  }

  @Override
  public Map<String, String> snapshot() {
    return settings;
  }

  @Override
  public void reload(Map<String, String> fresh) {
    settings = Map.copyOf(fresh);
  }
}
