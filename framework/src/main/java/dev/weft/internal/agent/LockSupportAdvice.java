package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into {@code java.util.concurrent.locks.LockSupport}: every lock, queue, latch,
 * semaphore, barrier and future of {@code java.util.concurrent} parks through these methods, so
 * handling them in the scheduler's model controls all of them. When the runtime handles a call,
 * the original body (the real park) is skipped.
 */
final class LockSupportAdvice {
  private LockSupportAdvice() {}

  static final class Park {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter() {
      return Hooks.park(null, 0L, false);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class ParkBlocker {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) Object blocker) {
      return Hooks.park(blocker, 0L, false);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class ParkNanos {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) long nanos) {
      // A non-positive timeout returns at once in the JDK too: let the original do that.
      return nanos > 0 && Hooks.park(null, nanos, true);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class ParkNanosBlocker {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) Object blocker, @Advice.Argument(1) long nanos) {
      return nanos > 0 && Hooks.park(blocker, nanos, true);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class ParkUntil {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) long deadline) {
      return Hooks.parkUntil(null, deadline);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class ParkUntilBlocker {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) Object blocker, @Advice.Argument(1) long deadline) {
      return Hooks.parkUntil(blocker, deadline);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean handled) {
      if (!handled) Hooks.parkReturned();
    }
  }

  static final class Unpark {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.Argument(0) Thread thread) {
      return thread != null && Hooks.unpark(thread);
    }
  }
}
