package dev.weft.internal.agent;

import java.util.concurrent.ForkJoinPool;

/**
 * Fixes the parallelism of the JVM's common pool, so that what an exploration finds does not
 * depend on the machine's core count.
 *
 * <p>The JDK sizes the pool from the cores: {@code availableProcessors() - 1}, so 1 on a 2-core
 * CI machine. With one worker every {@code CompletableFuture.supplyAsync} task of JDK 25 runs
 * after the other, and JDK 17 stops using the pool altogether (a thread per task), so races that
 * a laptop finds are never found on CI, or are found differently. The value is 3: the pool of a
 * 4-core machine, the most common developer laptop; more than one, so JDK 17's {@code
 * CompletableFuture} uses the pool as it does on that laptop; three tasks in flight at once, the
 * most a race between a few tasks needs; and few enough workers that each execution adopts only
 * the ones it uses, so the search stays small.
 *
 * <p>The pool reads its system property once, when it is first used, so this must run before
 * that: first thing in the agent's entry points. A user's own setting is kept.
 */
public final class CommonPoolParallelism {
  private CommonPoolParallelism() {}

  /** The system property the JDK reads when it creates the common pool. */
  public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  /** The parallelism Weft gives the common pool when the user did not choose one. */
  public static final int FIXED = 3;

  /**
   * Sets {@link #PROPERTY} to {@link #FIXED} unless the user set it. Has no effect on a pool that
   * already exists; {@link #mismatch} tells.
   */
  static void fixUnlessSet() {
    if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, Integer.toString(FIXED));
  }

  /**
   * What to tell the user when the common pool does not have the parallelism the property asks
   * for: the pool was created before the agent set it (an agent attached at run time after the
   * JVM used the pool). Null when it has.
   */
  public static String mismatch() {
    int wanted;
    try {
      wanted = Integer.parseInt(System.getProperty(PROPERTY, Integer.toString(FIXED)).trim());
    } catch (NumberFormatException userValueTheJdkIgnores) {
      return null;
    }
    int actual = ForkJoinPool.getCommonPoolParallelism();
    if (actual == wanted) return null;
    return "The common pool runs " + actual + " worker" + (actual == 1 ? "" : "s") + ", not "
        + wanted + ": it was started before Weft's agent could set " + PROPERTY + ", so races"
        + " between common-pool tasks (CompletableFuture.supplyAsync, parallel streams) depend on"
        + " this machine's cores. Load the agent with -javaagent, or set the property yourself.";
  }
}
