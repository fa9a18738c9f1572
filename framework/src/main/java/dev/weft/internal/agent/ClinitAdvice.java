package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on application class initializers. While a thread initializes a class, the JVM makes every
 * other thread that touches the class wait for real; a switch in the middle would block them where
 * the scheduler cannot see it. So class initialization runs without scheduling points.
 */
final class ClinitAdvice {
  private ClinitAdvice() {}

  @Advice.OnMethodEnter
  static void enter() {
    Hooks.classInitStarts();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  static void exit() {
    Hooks.classInitEnds();
  }

  /**
   * The same for a class with static state to reset between executions: a class whose
   * initializer completed is reported, so that its static fields' values of that moment can be
   * kept. A class whose initializer threw is unusable, and has nothing to reset.
   */
  static final class Recording {
    private Recording() {}

    @Advice.OnMethodEnter
    static void enter() {
      Hooks.classInitStarts();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Origin Class<?> type, @Advice.Thrown Throwable thrown) {
      if (thrown == null) Hooks.classInitialized(type);
      Hooks.classInitEnds();
    }
  }
}
