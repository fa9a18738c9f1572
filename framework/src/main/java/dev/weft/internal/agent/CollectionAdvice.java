package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into the JDK's non-thread-safe collections: every public operation, and every
 * step of their iterators and views, reports its start and end so the race detector can see
 * overlapping and unordered accesses. Retransformation-safe: no fields or methods are added.
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

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(self);
    }
  }

  static final class WithoutArgument {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.Origin("#m") String method) {
      return Hooks.collectionEnter(self, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(self);
    }
  }

  /** Constructors: where the collection was created, for the report's first line. */
  static final class Created {
    @Advice.OnMethodExit
    static void exit(@Advice.This Object self) {
      Hooks.collectionCreated(self);
    }
  }

  /** Iterators and views that are inner classes: {@code this$0} is the collection they walk. */
  static final class IterationStep {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.FieldValue("this$0") Object owner, @Advice.Origin("#t") String view,
        @Advice.Origin("#m") String method) {
      return Hooks.iterationStep(owner, view, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.FieldValue("this$0") Object owner, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(owner);
    }
  }

  /** HashMap's spliterators (streams over a map's views) keep their map in {@code map}. */
  static final class MapSpliteratorStep {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.FieldValue("map") Object owner, @Advice.Origin("#t") String view,
        @Advice.Origin("#m") String method) {
      return Hooks.iterationStep(owner, view, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.FieldValue("map") Object owner, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(owner);
    }
  }

  /** TreeMap's spliterators keep their map in {@code tree}. */
  static final class TreeSpliteratorStep {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.FieldValue("tree") Object owner, @Advice.Origin("#t") String view,
        @Advice.Origin("#m") String method) {
      return Hooks.iterationStep(owner, view, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.FieldValue("tree") Object owner, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(owner);
    }
  }

  /** ArrayList.subList views write through to their {@code root} list. */
  static final class SubListStep {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.FieldValue("root") Object owner, @Advice.Origin("#t") String view,
        @Advice.Origin("#m") String method) {
      return Hooks.iterationStep(owner, view, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.FieldValue("root") Object owner, @Advice.Enter boolean tracked) {
      if (tracked) Hooks.collectionExit(owner);
    }
  }
}
