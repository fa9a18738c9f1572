package dev.weft;

/**
 * The code under test: Weft starts it on a fresh thread (T0) once per execution. It must create
 * everything it shares between threads itself, so that no state leaks from one execution into
 * the next.
 */
@FunctionalInterface
public interface Body {
  /** Runs the code once; anything it throws ends the execution as an {@code EXCEPTION}. */
  void run() throws Throwable;
}
