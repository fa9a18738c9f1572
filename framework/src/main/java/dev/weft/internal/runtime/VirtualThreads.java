package dev.weft.internal.runtime;

import dev.weft.internal.agent.TransformedClasses;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What the runtime asks about virtual threads (JDK 21+), reached through a method handle so that
 * Weft compiles for Java 17, where no thread is virtual. Where they are {@link #controlled}, a
 * virtual thread is a controlled thread like any other: adopted as it starts, waiting for its turn
 * mounted on a carrier (parking unmounts it, so a waiting virtual thread holds no carrier), and
 * ending at the end of its run; its carriers stay outside the execution.
 */
final class VirtualThreads {
  private VirtualThreads() {}

  /** {@code Thread.isVirtual()}, or null before JDK 21. */
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException beforeJdk21) {
      return null;
    }
  }

  /** The first JDK whose virtual threads Weft controls (see {@link #controlled}). */
  static final int FIRST_CONTROLLED_JDK = 24;

  /**
   * Whether Weft schedules the virtual threads of this JVM like platform threads. It needs
   * {@code java.lang.VirtualThread} instrumented (its start and run are where a virtual thread is
   * adopted, begins and ends) and JDK 24 or later: a controlled thread waits for its turn by
   * parking, and before JDK 24 (JEP 491) a virtual thread that parks inside {@code synchronized}
   * pins its carrier. With every carrier pinned by a thread preempted in a synchronized block, the
   * thread given the turn could never be mounted and the execution would stall.
   */
  static boolean controlled() {
    return Runtime.version().feature() >= FIRST_CONTROLLED_JDK
        && TransformedClasses.contains("java.lang.VirtualThread");
  }

  static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) return false;
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
