package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into the JDK classes of {@link JdkObjectFamily}: each public operation reports
 * its start, with how it touches the instance (decided from its name and parameters when the
 * class is transformed, so the hot path carries a constant), and its end ({@link TrackedOperationExit},
 * shared with the collections). The JDK uses these classes everywhere: the hook returns at once unless application
 * code announced the call. No argument is passed: boxing a {@code char} on every {@code
 * StringBuilder.append} of the JVM would cost more than the report gains. Retransformation-safe:
 * no fields or methods are added.
 */
final class JdkObjectAdvice {
  private JdkObjectAdvice() {}

  static final class Read {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method) {
      return Hooks.objectAccess(self, method, Hooks.OBJECT_READ);
    }
  }

  static final class Write {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method) {
      return Hooks.objectAccess(self, method, Hooks.OBJECT_WRITE);
    }
  }

  static final class StateDependent {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method) {
      return Hooks.objectAccess(self, method, Hooks.OBJECT_STATE_DEPENDENT);
    }
  }

  /** Constructors of the tracked classes: where the application created the object. */
  static final class Created {
    @Advice.OnMethodExit
    static void exit(@Advice.This Object self) {
      Hooks.objectCreated(self);
    }
  }
}
