package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on the JVM's one-time work that runs Java code: application class initializers, and the
 * linking of an {@code invokedynamic} call site or a dynamic constant. While a thread initializes
 * a class, the JVM makes every other thread that touches the class wait for real; a switch in the
 * middle would block them where the scheduler cannot see it. Linking happens once per JVM, in
 * whichever execution gets there first, so a step its bootstrap took (it runs code other agents
 * instrument too, such as an inline mock maker's advice behind {@code Object.equals}) would exist
 * in that execution only, and its replays would take another path. So both run without
 * scheduling points.
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
