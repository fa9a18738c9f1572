package dev.weft.examples.hotreload;

import java.util.Map;

/** Application settings that an admin endpoint or a file watcher can reload while serving. */
public interface Config {
  /** One setting, or null when it is not set. */
  String get(String key);

  /** All settings, for a reader that needs several settings that belong together. */
  Map<String, String> snapshot();

  /** Replaces all settings with {@code fresh}. */
  void reload(Map<String, String> fresh);
}
