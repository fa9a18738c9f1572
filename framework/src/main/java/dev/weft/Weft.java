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
 *
 * <p>Weft controls one exploration or replay per JVM at a time. Calls from several threads (such
 * as tests run in parallel) take turns, in the order they arrived; the wait is not counted in
 * {@link Options#timeLimit}.
 */
public final class Weft {
  private Weft() {}

  /**
   * The code under test, as {@link dev.weft.Body}; this name is kept so that code written
   * against it compiles unchanged.
   */
  @FunctionalInterface
  public interface Body extends dev.weft.Body {}

  /** Explores {@code body} with {@link Options#defaults()}. */
  public static Result explore(dev.weft.Body body) {
    return explore(Options.defaults(), body);
  }

  /**
   * Explores up to {@code options.iterations()} executions of {@code body} and stops at the first
   * failing one. Never hangs: an execution that loses control (a thread blocked where Weft cannot
   * see it) fails with a clear report after the watchdog's timeout.
   *
   * @throws IllegalStateException if Weft cannot control this JVM (its agent is not loaded and
   *     attaching it at run time was refused); the message says what to add to the build
   */
  public static Result explore(Options options, dev.weft.Body body) {
    return Explorer.explore(options, body);
  }

  /**
   * Runs exactly the execution that {@code token} describes (a token printed in a report), with
   * {@link Options#defaults()}.
   *
   * @throws IllegalArgumentException if the token is malformed, truncated or from another version
   * @throws ReplayDivergedException if the token does not fit {@code body} any more
   * @throws IllegalStateException if Weft cannot control this JVM, as for {@link #explore}
   */
  public static Result replay(String token, dev.weft.Body body) {
    return replay(Options.defaults(), token, body);
  }

  /**
   * Like {@link #replay(String, dev.weft.Body)} with explicit limits (step bound, stall timeout);
   * the options that steer an exploration (iterations, seed, strategy) do not apply.
   */
  public static Result replay(Options options, String token, dev.weft.Body body) {
    return Explorer.replay(options, token, body);
  }
}
