package dev.weft.internal.report;

import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.ThreadRef;

/**
 * The one way reports name things, in text, HTML and JSON alike: an object is {@code
 * HashMap@1b2c3d} (its class's binary name without the package, then its identity hash), a thread
 * {@code T1 (worker-1)}, a lock {@code read lock of ReentrantReadWriteLock@1a2b}, a place {@code
 * Cache.java:12} (or {@code JobQueue.take} when the class file has no line numbers).
 */
public final class Names {
  private Names() {}

  /** {@code HashMap@1b2c3d}. */
  public static String object(ObjectId id) {
    return className(id.className()) + "@" + Integer.toHexString(id.identityHash());
  }

  /**
   * {@code java.util.HashMap@1b2c3d}: with the package, where a report's first lines name the
   * object a failure is about, and a reader (or a tool) must tell it from a class of the same name.
   */
  public static String qualifiedObject(ObjectId id) {
    return id.className() + "@" + Integer.toHexString(id.identityHash());
  }

  /**
   * A class name without its package and, for a named nested class, without the class it is
   * nested in: {@code SynchronizedMap}; an anonymous or synthetic class keeps its outer name
   * ({@code Cache$1}), which alone would say nothing.
   */
  public static String className(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    int dollar = simple.lastIndexOf('$');
    if (dollar < 0 || dollar == simple.length() - 1) return simple;
    String inner = simple.substring(dollar + 1);
    return Character.isJavaIdentifierStart(inner.charAt(0)) && !inner.contains("Lambda")
        ? inner : simple;
  }

  /** {@code T1 (worker-1)}. */
  public static String thread(ThreadRef thread) {
    return "T" + thread.id() + " (" + thread.name() + ")";
  }

  /** {@code T1}: a thread where its name was given already. */
  public static String threadNumber(ThreadRef thread) {
    return "T" + thread.id();
  }

  /** {@code monitor of Object@1a2b}, {@code ReentrantLock@3c4d}, {@code write lock of ...}. */
  public static String lock(LockRef lock) {
    String owner = object(lock.lock());
    return switch (lock.mode()) {
      case MONITOR -> "monitor of " + owner;
      case EXCLUSIVE -> owner;
      case READ -> "read lock of " + owner;
      case WRITE -> "write lock of " + owner;
    };
  }

  /**
   * {@code Cache.java:12}; the class and method where the class file keeps no line numbers
   * ({@code JobQueue.take}: a synchronized method's monitor, say); {@code ?} when unknown.
   */
  public static String where(StackTraceElement e) {
    if (e == null) return "?";
    if (e.getLineNumber() < 0 || e.getFileName() == null) {
      return className(e.getClassName()) + "." + e.getMethodName();
    }
    return e.getFileName() + ":" + e.getLineNumber();
  }

  /**
   * One frame of a stack, {@code dev.app.Cache.put(Cache.java:12)}: the same form for every thread,
   * without the class loader and module prefixes ({@code app//}, {@code java.base@17/}) that a
   * JDK adds to some stacks and not to others.
   */
  public static String frame(StackTraceElement e) {
    String source = e.isNativeMethod() ? "Native Method"
        : e.getFileName() == null ? "Unknown Source"
        : e.getLineNumber() >= 0 ? e.getFileName() + ":" + e.getLineNumber() : e.getFileName();
    return e.getClassName() + "." + e.getMethodName() + "(" + source + ")";
  }
}
