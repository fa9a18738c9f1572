package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into {@code java.lang.Thread} (and thread subclasses' {@code run}). Each nested
 * class is one piece of advice; the code is copied into the JDK method, so it may only call
 * bootstrap-visible classes ({@link Hooks}).
 */
final class ThreadAdvice {
  private ThreadAdvice() {}

  static final class Start {
    @Advice.OnMethodEnter
    static void enter(@Advice.This Thread self) {
      Hooks.threadStarting(self);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Thread self) {
      Hooks.threadStarted(self);
    }
  }

  /** On every constructor of {@code Thread}: delegating constructors report the same thread again. */
  static final class Created {
    @Advice.OnMethodExit
    static void exit(@Advice.This Thread self) {
      Hooks.threadCreated(self);
    }
  }

  static final class DaemonSet {
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This Thread self) {
      Hooks.daemonSet(self);
    }
  }

  static final class Run {
    @Advice.OnMethodEnter
    static void enter() {
      Hooks.threadRunBegins();
    }
  }

  static final class Exit {
    @Advice.OnMethodEnter
    static void enter() {
      Hooks.threadExiting();
    }
  }

  static final class Uncaught {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.This Thread self, @Advice.Argument(0) Throwable error) {
      return Hooks.uncaughtException(self, error);
    }
  }

  static final class Interrupt {
    @Advice.OnMethodEnter
    static void enter(@Advice.This Thread self) {
      Hooks.interrupting(self);
    }
  }
}
