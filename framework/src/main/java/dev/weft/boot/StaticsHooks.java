package dev.weft.boot;

/**
 * Class initialization of application classes, for the reset of static state between executions.
 * Installed once with the agent, not per exploration: a class initialized before the first
 * exploration must be seen too.
 */
public interface StaticsHooks {

  /**
   * {@code type}'s static initializer completed normally (or, for a class without one, the class
   * was initialized), on the thread that initialized it, before any other thread can use it.
   */
  void classInitialized(Class<?> type);
}
