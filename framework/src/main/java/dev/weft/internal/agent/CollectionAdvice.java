package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into the JDK's non-thread-safe collections: every public operation, and every
 * step of their iterators and views, reports its start and end so the race detector can see
 * overlapping and unordered accesses (the end: {@link TrackedOperationExit}). Retransformation-safe: no fields or methods are added.
 */
final class CollectionAdvice {
  private CollectionAdvice() {}

  /** Operations that take arguments: the first one (a key or an element) goes into reports. */
  static final class WithArgument {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method,
        @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object argument) {
      return Hooks.collectionEnter(self, method, argument);
    }
  }

  static final class WithoutArgument {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method) {
      return Hooks.collectionEnter(self, method);
    }
  }

  /** Constructors: where the collection was created, for the report's first line. */
  static final class Created {
    @Advice.OnMethodExit
    static void exit(@Advice.This Object self) {
      Hooks.collectionCreated(self);
    }
  }

  /**
   * A step of an iterator, spliterator or view. The advice passes the view itself: which field
   * holds its collection differs by class, and the runtime resolves it only for controlled threads.
   */
  static final class ViewStep {
    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object view, @Advice.Origin("#m") String method) {
      return Hooks.iterationStep(view, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object tracked) {
      if (tracked != null) Hooks.collectionExit(tracked);
    }
  }
}
