package dev.weft.primitives;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The virtual-thread API of JDK 21+, reached reflectively: the tests compile for Java 17, where
 * it does not exist. Only call it where {@link #available} is true.
 */
final class VirtualThreadApi {
  private VirtualThreadApi() {}

  static boolean available() {
    return Runtime.version().feature() >= 21;
  }

  /** Virtual threads are scheduled by Weft (JDK 24+), not refused. */
  static boolean controlled() {
    return Runtime.version().feature() >= 24;
  }

  /** {@code Thread.ofVirtual().start(task)}. */
  static Thread start(Runnable task) throws Throwable {
    return (Thread) Handles.BUILDER_START.invoke(Handles.OF_VIRTUAL.invoke(), task);
  }

  /** {@code Thread.ofVirtual().name(name).start(task)}. */
  static Thread start(String name, Runnable task) throws Throwable {
    Object builder = Handles.BUILDER_NAME.invoke(Handles.OF_VIRTUAL.invoke(), name);
    return (Thread) Handles.BUILDER_START.invoke(builder, task);
  }

  /** {@code Thread.ofVirtual().unstarted(task)}. */
  static Thread unstarted(Runnable task) throws Throwable {
    return (Thread) Handles.BUILDER_UNSTARTED.invoke(Handles.OF_VIRTUAL.invoke(), task);
  }

  /** {@code Thread.startVirtualThread(task)}. */
  static Thread startVirtualThread(Runnable task) throws Throwable {
    return (Thread) Handles.START_VIRTUAL_THREAD.invoke(task);
  }

  /** {@code Thread.ofVirtual().factory()}. */
  static ThreadFactory factory() throws Throwable {
    return (ThreadFactory) Handles.BUILDER_FACTORY.invoke(Handles.OF_VIRTUAL.invoke());
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}. */
  static ExecutorService newVirtualThreadPerTaskExecutor() throws Throwable {
    return (ExecutorService) Handles.PER_TASK_EXECUTOR.invoke();
  }

  /** {@code thread.isVirtual()}. */
  static boolean isVirtual(Thread thread) throws Throwable {
    return (boolean) Handles.IS_VIRTUAL.invoke(thread);
  }

  /** Looked up on first use, so that merely loading this class works on JDK 17. */
  private static final class Handles {
    static final MethodHandle OF_VIRTUAL;
    static final MethodHandle BUILDER_START;
    static final MethodHandle BUILDER_NAME;
    static final MethodHandle BUILDER_UNSTARTED;
    static final MethodHandle BUILDER_FACTORY;
    static final MethodHandle START_VIRTUAL_THREAD;
    static final MethodHandle PER_TASK_EXECUTOR;
    static final MethodHandle IS_VIRTUAL;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        OF_VIRTUAL = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
        BUILDER_START = lookup.findVirtual(builder, "start",
            MethodType.methodType(Thread.class, Runnable.class));
        BUILDER_NAME = lookup.findVirtual(ofVirtual, "name",
            MethodType.methodType(ofVirtual, String.class));
        BUILDER_UNSTARTED = lookup.findVirtual(builder, "unstarted",
            MethodType.methodType(Thread.class, Runnable.class));
        BUILDER_FACTORY = lookup.findVirtual(builder, "factory",
            MethodType.methodType(ThreadFactory.class));
        START_VIRTUAL_THREAD = lookup.findStatic(Thread.class, "startVirtualThread",
            MethodType.methodType(Thread.class, Runnable.class));
        PER_TASK_EXECUTOR = lookup.findStatic(java.util.concurrent.Executors.class,
            "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
        IS_VIRTUAL = lookup.findVirtual(Thread.class, "isVirtual",
            MethodType.methodType(boolean.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }
}
