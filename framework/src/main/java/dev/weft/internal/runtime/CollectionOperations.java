package dev.weft.internal.runtime;

import java.util.Set;

/** Tells reads from writes by method name, and which callers make an access worth tracking. */
final class CollectionOperations {
  private CollectionOperations() {}

  private static final Set<String> WRITES = Set.of(
      "put", "putAll", "putIfAbsent", "remove", "clear", "compute", "computeIfAbsent",
      "computeIfPresent", "merge", "replace", "replaceAll", "add", "addAll", "set", "offer",
      "offerFirst", "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "removeIf",
      "removeAll", "retainAll", "sort", "trimToSize", "ensureCapacity", "addFirst", "addLast",
      "removeFirst", "removeLast", "pollFirstEntry", "pollLastEntry", "removeFirstOccurrence",
      "removeLastOccurrence", "putFirst", "putLast");

  static boolean isWrite(String method) {
    return WRITES.contains(method);
  }

  /**
   * An access counts when the first frame outside Weft and the collections framework belongs to
   * the application: accesses made by the class loader, the agent or test libraries on a
   * controlled thread are ordered by locks Weft does not model and are none of the user's code.
   */
  /**
   * Classes of java.util itself (HashSet delegating to HashMap, Collections wrappers, abstract
   * bases), not its subpackages: a HashSet inside ThreadPoolExecutor is the JDK's own business.
   */
  private static boolean isCollectionsFramework(String className) {
    return (className.startsWith("java.util.") && className.indexOf('.', 10) < 0)
        || className.equals("java.lang.Iterable");
  }

  static boolean calledFromApplication(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if (c.startsWith("dev.weft.boot.") || c.startsWith("dev.weft.internal.runtime.")) continue;
      // Weft's agent (and its shaded ByteBuddy) transforming a class on a controlled thread.
      if (c.startsWith("dev.weft.internal.")) return false;
      if (isCollectionsFramework(c)) continue;
      return !StackRendering.isJdkFrame(frame) && !StackRendering.isTestInfrastructure(frame)
          && !c.startsWith("net.bytebuddy.") && !c.startsWith("org.assertj.");
    }
    return false;
  }
}
