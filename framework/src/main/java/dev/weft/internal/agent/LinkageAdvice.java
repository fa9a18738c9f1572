package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on the JVM's linking of an {@code invokedynamic} call site or a dynamic constant (the
 * first time a lambda, a string concatenation or a record method runs): like class
 * initialization, it happens once per JVM, in whichever execution gets there first, so any step
 * its bootstrap took would exist in that execution only and its replays would take another path.
 * Bootstraps run code other agents instrument too (an inline mock maker's advice behind {@code
 * Object.equals}). So linking runs without scheduling points, like a class initializer.
 */
final class LinkageAdvice {
  private LinkageAdvice() {}

  @Advice.OnMethodEnter
  static void enter() {
    Hooks.classInitStarts();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  static void exit() {
    Hooks.classInitEnds();
  }
}
