package dev.weft.internal.runtime;

import dev.weft.Access;
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

  private static final Set<String> ITERATION_STEPS = Set.of("next", "nextNode", "nextEntry",
      "nextIndex", "previous", "prevEntry", "forEachRemaining", "tryAdvance", "forEach");

  /**
   * How a step through a view reads in a report: {@code HashMap iteration} for iterator and
   * spliterator steps, {@code ArrayList.subList().set} or {@code HashMap.keySet().remove} for
   * operations on a view.
   */
  static String viewOperation(Object owner, String view, String method) {
    String ownerName = owner.getClass().getSimpleName();
    if (ITERATION_STEPS.contains(method)) return ownerName + " iteration";
    String viewName = view.substring(view.lastIndexOf('$') + 1);
    if (viewName.endsWith("Itr") || viewName.endsWith("Iterator")) {
      return ownerName + ".iterator()." + method;
    }
    if (viewName.startsWith("Linked")) viewName = viewName.substring("Linked".length());
    String accessor = Character.toLowerCase(viewName.charAt(0)) + viewName.substring(1);
    return ownerName + "." + accessor + "()." + method;
  }

  /** {@code HashMap.put}, built once per class and method: this runs on every operation. */
  private static final ClassValue<java.util.concurrent.ConcurrentHashMap<String, String>>
      OPERATION_NAMES = new ClassValue<>() {
        @Override
        protected java.util.concurrent.ConcurrentHashMap<String, String> computeValue(
            Class<?> type) {
          return new java.util.concurrent.ConcurrentHashMap<>();
        }
      };

  static String operationName(Class<?> type, String method) {
    return OPERATION_NAMES.get(type)
        .computeIfAbsent(method, m -> type.getSimpleName() + "." + m);
  }

  /** Writes that change elements in place; every other write may add or remove some. */
  private static final Set<String> IN_PLACE_WRITES = Set.of("set", "replace", "replaceAll",
      "sort");

  static Access.Kind kind(String method) {
    if (WRITES.contains(method)) {
      return IN_PLACE_WRITES.contains(method) ? Access.Kind.WRITE : Access.Kind.STRUCTURAL_WRITE;
    }
    return ITERATION_STEPS.contains(method) ? Access.Kind.ITERATION : Access.Kind.READ;
  }

  /**
   * An access counts when the first frame outside Weft and the collections framework belongs to
   * the application: accesses made by the class loader, the agent or test libraries on a
   * controlled thread are ordered by locks Weft does not model and are none of the user's code.
   */
  /**
   * Classes of java.util itself (HashSet delegating to HashMap, Collections wrappers, abstract
   * bases) and the stream pipeline over them, not other subpackages: a HashSet inside
   * ThreadPoolExecutor is the JDK's own business.
   */
  private static boolean isCollectionsFramework(String className) {
    return (className.startsWith("java.util.") && className.indexOf('.', 10) < 0)
        || className.startsWith("java.util.stream.") || className.equals("java.lang.Iterable");
  }

  static boolean calledFromApplication(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      Boolean verdict = verdict(frame.getClassName());
      if (verdict != null) return verdict;
    }
    return false;
  }

  /**
   * The caller's first application frame, or null when the access is not the application's.
   * Walks only as far as needed and converts one frame: this runs on every collection operation.
   */
  static StackTraceElement applicationCaller() {
    return WALKER.walk(frames -> {
      java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
      while (it.hasNext()) {
        StackWalker.StackFrame frame = it.next();
        Boolean verdict = verdict(frame.getClassName());
        if (verdict != null) return verdict ? frame.toStackTraceElement() : null;
      }
      return null;
    });
  }

  /** True: an application frame; false: someone else's access; null: look further down. */
  private static Boolean verdict(String c) {
    if (c.startsWith("dev.weft.boot.") || c.startsWith("dev.weft.internal.runtime.")) return null;
    // Weft's agent (and its shaded ByteBuddy) transforming a class on a controlled thread.
    if (c.startsWith("dev.weft.internal.")) return false;
    if (isCollectionsFramework(c)) return null;
    return !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
        && !c.startsWith("javax.") && !c.startsWith("org.junit.")
        && !c.startsWith("org.apache.maven.surefire.") && !c.startsWith("dev.weft.junit.RaceTest")
        && !c.startsWith("net.bytebuddy.") && !c.startsWith("org.assertj.");
  }

  /** Weft's own classes; applications (and Weft's tests) may live in other dev.weft packages. */
  private static boolean isWeftItself(String c) {
    if (c.startsWith("dev.weft.internal.") || c.startsWith("dev.weft.boot.")) return true;
    int lastDot = c.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : c.substring(0, lastDot);
    return pkg.equals("dev.weft") || pkg.equals("dev.weft.junit");
  }

  private static final StackWalker WALKER = StackWalker.getInstance();

  /**
   * Whether the ConcurrentHashMap operation now starting was called by application code (not by
   * the JDK, which uses such maps internally on every thread, for class loading among others).
   */
  static boolean concurrentMapCalledByApplication() {
    return WALKER.walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(c -> !c.startsWith("dev.weft.boot.") && !c.startsWith("dev.weft.internal.runtime.")
            && !c.startsWith("java.util.concurrent.ConcurrentHashMap")
            && !isCollectionsFramework(c))
        .findFirst()
        .map(c -> !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
            && !isWeftItself(c) && !c.startsWith("org.junit.")
            && !c.startsWith("org.assertj.") && !c.startsWith("net.bytebuddy."))
        .orElse(false));
  }
}
