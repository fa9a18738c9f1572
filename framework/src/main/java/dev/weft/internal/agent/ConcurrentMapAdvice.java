package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on ConcurrentHashMap's public operations. Call sites typed as ConcurrentHashMap already
 * get a scheduling point from the rewriter; code that holds the map in a plain {@code Map}
 * variable calls through the interface, and would otherwise never be preempted between a get and
 * the put that depends on it.
 */
final class ConcurrentMapAdvice {
  private ConcurrentMapAdvice() {}

  @Advice.OnMethodEnter
  static void enter(@Advice.This Object map, @Advice.Origin("#m") String method) {
    Hooks.concurrentMapOperation(map, true, method);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  static void exit(@Advice.This Object map, @Advice.Origin("#m") String method) {
    Hooks.concurrentMapOperation(map, false, method);
  }
}
