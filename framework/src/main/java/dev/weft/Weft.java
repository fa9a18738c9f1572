package dev.weft;

import dev.weft.internal.Explorer;

/**
 * Entry point of Weft: runs a piece of concurrent code many times, one thread at a time, under a
 * scheduler that decides every interleaving, and reports the first execution that fails.
 *
 * <pre>{@code
 * Result result = Weft.explore(Options.defaults().iterations(500), () -> {
 *   Map<String, Integer> counts = new HashMap<>();
 *   Thread t = new Thread(() -> counts.put("a", 1));
 *   t.start();
 *   counts.put("b", 2);
 *   t.join();
 * });
 * if (result.failed()) System.out.println(result.report());
 * }</pre>
 *
 * <p>The body must create everything it shares between threads itself: each execution runs it
 * afresh, on a fresh thread (T0), and state left over from a previous execution would make the
 * exploration meaningless.
 */
public final class Weft {
  private Weft() {}

  /** The code under test: started on thread T0 once per execution. */
  @FunctionalInterface
  public interface Body {
    void run() throws Throwable;
  }

  /** Explores {@code body} with {@link Options#defaults()}. */
  public static Result explore(Body body) {
    return explore(Options.defaults(), body);
  }

  /**
   * Explores up to {@code options.iterations()} executions of {@code body} and stops at the first
   * failing one. Never hangs: an execution that loses control (a thread blocked where Weft cannot
   * see it) fails with a clear report after the watchdog's timeout.
   */
  public static Result explore(Options options, Body body) {
    return Explorer.explore(options, body);
  }

  /**
   * Runs exactly the execution that {@code token} describes (a token printed in a report).
   *
   * @throws IllegalArgumentException if the token is malformed, truncated or from another version
   */
  public static Result replay(String token, Body body) {
    return Explorer.replay(Options.defaults(), token, body);
  }

  /** Like {@link #replay(String, Body)} with explicit limits (step bound, time limit). */
  public static Result replay(Options options, String token, Body body) {
    return Explorer.replay(options, token, body);
  }
}
