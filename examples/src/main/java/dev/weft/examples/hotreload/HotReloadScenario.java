package dev.weft.examples.hotreload;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;
import java.util.Map;
import java.util.function.Function;

/** The workload of both configurations: a request thread reads while the settings are reloaded. */
public final class HotReloadScenario {
  private HotReloadScenario() {}

  private static final Map<String, String> OLD = Map.of("pool.min", "2", "pool.max", "4");
  private static final Map<String, String> NEW = Map.of("pool.min", "8", "pool.max", "16");

  /**
   * A request sizes a connection pool from the settings while they are reloaded: it must always
   * find both bounds, and a minimum no larger than the maximum.
   */
  public static void readDuringReload(Function<Map<String, String>, Config> factory)
      throws InterruptedException {
    Config config = factory.apply(OLD);
    Thread reload = Threads.start("config-reload", () -> config.reload(NEW));
    Thread request = Threads.start("request", () -> {
      for (int i = 0; i < 2; i++) {
        Map<String, String> settings = config.snapshot();
        String min = settings.get("pool.min");
        String max = settings.get("pool.max");
        Check.that(min != null && max != null, "pool bounds missing: " + min + ".." + max);
        Check.that(Integer.parseInt(min) <= Integer.parseInt(max),
            "pool bounds of no configuration: " + min + ".." + max);
      }
    });
    Threads.joinAll(reload, request);
    Check.equal("16", config.get("pool.max"), "pool.max after the reload");
  }
}
