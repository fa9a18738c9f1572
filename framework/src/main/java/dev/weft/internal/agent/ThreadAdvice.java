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

  /**
   * On {@code VirtualThread.start(ThreadContainer)}, which every start of a virtual thread goes
   * through ({@code start()}, thread builders, {@code ThreadPerTaskExecutor}): the override does
   * not reach {@code Thread.start}. The exit advice also runs when the start throws, since the
   * handler turns the runtime's hooks off in between (the scheduler's own submission is not the
   * program's) and must turn them on again.
   */
  static final class VirtualStart {
    @Advice.OnMethodEnter
    static void enter(@Advice.This Thread self) {
      Hooks.threadStarting(self);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This Thread self) {
      Hooks.threadStarted(self);
    }
  }

  /**
   * On {@code VirtualThread.run(Runnable)}, the virtual thread's whole life on its carrier: it
   * begins mounted (so the hooks see the virtual thread as the current thread) and its task's
   * uncaught exceptions are dispatched inside it. A virtual thread never runs {@code Thread.run}
   * or {@code Thread.exit}.
   */
  static final class VirtualRun {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter() {
      return Hooks.virtualThreadRunBegins();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
      Hooks.virtualThreadExiting();
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
