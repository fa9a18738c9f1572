package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.internal.agent.UncontrolledClasses;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tells reads from writes by method name, and which callers make an access worth tracking. */
final class CollectionOperations {
  private CollectionOperations() {}

  private static final Set<String> WRITES = Set.of(
      "put", "putAll", "putIfAbsent", "remove", "clear", "compute", "computeIfAbsent",
      "computeIfPresent", "merge", "replace", "replaceAll", "add", "addAll", "set", "offer",
      "offerFirst", "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "removeIf",
      "removeAll", "retainAll", "sort", "trimToSize", "ensureCapacity", "addFirst", "addLast",
      "removeFirst", "removeLast", "pollFirstEntry", "pollLastEntry", "removeFirstOccurrence",
      "removeLastOccurrence", "putFirst", "putLast", "removeRange");

  private static final Set<String> ITERATION_STEPS = Set.of("next", "nextNode", "nextEntry",
      "nextIndex", "previous", "prevEntry", "forEachRemaining", "tryAdvance", "forEach");

  /**
   * How a step through a view reads in a report: {@code HashMap iteration} for iterator and
   * spliterator steps, {@code ArrayList.subList().set}, {@code HashMap.keySet().remove} or
   * {@code TreeMap.descendingMap().pollFirstEntry} for operations on a view. Built once per view
   * class, owner class and method: this runs on every step.
   */
  static String viewOperation(Object owner, Class<?> view, String method) {
    ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, String>> byOwner =
        VIEW_OPERATION_NAMES.get(view);
    Class<?> ownerType = owner.getClass();
    ConcurrentHashMap<String, String> names = byOwner.get(ownerType);
    if (names == null) {
      names = byOwner.computeIfAbsent(ownerType, t -> new ConcurrentHashMap<>());
    }
    String name = names.get(method);
    if (name == null) {
      name = ITERATION_STEPS.contains(method)
          ? displayName(ownerType) + " iteration"
          : displayName(ownerType) + "." + VIEW_ACCESSORS.get(view) + "." + method;
      names.putIfAbsent(method, name);
    }
    return name;
  }

  private static final ClassValue<ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, String>>>
      VIEW_OPERATION_NAMES = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, String>> computeValue(
            Class<?> view) {
          return new ConcurrentHashMap<>();
        }
      };

  /** The call that makes such a view, as the user wrote it (or close to it). */
  private static final ClassValue<String> VIEW_ACCESSORS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> view) {
      return viewAccessor(view);
    }
  };

  private static String viewAccessor(Class<?> view) {
    if (java.util.Iterator.class.isAssignableFrom(view)) return "iterator()";
    if (java.util.Spliterator.class.isAssignableFrom(view)) return "spliterator()";
    String name = view.getName();
    String simple = name.substring(name.lastIndexOf('$') + 1);
    switch (simple) {
      case "AscendingSubMap":
      case "NavigableSubMap":
        return "subMap()";
      case "DescendingSubMap":
        return "descendingMap()";
      default:
        break;
    }
    if (simple.endsWith("EntrySet") || simple.endsWith("EntrySetView")) return "entrySet()";
    if (simple.endsWith("KeySet")) return "keySet()";
    if (simple.endsWith("Values")) return "values()";
    if (simple.isEmpty() || Character.isDigit(simple.charAt(0))) return "view()";
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "()";
  }

  /**
   * A collection's name in reports: its simple name, or for an anonymous subclass (a
   * double-brace {@code new HashMap<>() {{ ... }}}) the class it extends.
   */
  static String displayName(Class<?> type) {
    Class<?> c = type;
    while (c.getSimpleName().isEmpty() && c.getSuperclass() != null) c = c.getSuperclass();
    return c.getSimpleName();
  }

  /** {@code HashMap.put}, built once per class and method: this runs on every operation. */
  private static final ClassValue<ConcurrentHashMap<String, String>> OPERATION_NAMES =
      new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, String> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  static String operationName(Class<?> type, String method) {
    ConcurrentHashMap<String, String> names = OPERATION_NAMES.get(type);
    String name = names.get(method);
    if (name == null) {
      name = displayName(type) + "." + method;
      names.putIfAbsent(method, name);
    }
    return name;
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
   * {@link #kind(String)}, and for a LinkedHashMap built with {@code accessOrder = true} (every
   * LRU cache on it) {@code get} and {@code getOrDefault} too are structural writes: they move
   * the entry to the end of the order, so two readers race. The other calls that move an entry
   * (put, compute, merge, putIfAbsent, replace) are writes anyway.
   */
  static Access.Kind kind(Object instance, String method) {
    if ((method.equals("get") || method.equals("getOrDefault"))
        && instance instanceof java.util.LinkedHashMap && isAccessOrdered(instance)) {
      return Access.Kind.STRUCTURAL_WRITE;
    }
    return kind(method);
  }

  /** Whether {@code map}, a LinkedHashMap, keeps its entries in access order. */
  static boolean isAccessOrdered(Object map) {
    try {
      return (boolean) ACCESS_ORDER.invokeExact(map);
    } catch (Throwable unreadable) {
      // The agent opens java.util to Weft; should it not, a get stays a read, as before.
      return false;
    }
  }

  private static final java.lang.invoke.MethodHandle ACCESS_ORDER = accessOrderGetter();

  private static java.lang.invoke.MethodHandle accessOrderGetter() {
    try {
      java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles
          .privateLookupIn(java.util.LinkedHashMap.class, java.lang.invoke.MethodHandles.lookup());
      return lookup.findGetter(java.util.LinkedHashMap.class, "accessOrder", boolean.class)
          .asType(java.lang.invoke.MethodType.methodType(boolean.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException notAccessible) {
      return java.lang.invoke.MethodHandles.dropArguments(
          java.lang.invoke.MethodHandles.constant(boolean.class, false), 0, Object.class);
    }
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
        if (frame.getMethodName().startsWith("weft$")) continue; // the agent's helper, not a line
        Boolean verdict = verdict(frame.getClassName());
        if (verdict != null) return verdict ? frame.toStackTraceElement() : null;
      }
      return null;
    });
  }

  /**
   * For a spliterator step of a thread running a task that application code submitted: {@code
   * taskOrigin}, when the step is the pipeline's own, i.e. the first frame below the collections
   * framework and the stream pipeline is the fork-join machinery that runs the task (a parallel
   * stream's traversal, on a worker or on the thread that invoked it); the application caller
   * when there is one; else null.
   */
  static StackTraceElement streamTaskStep(StackTraceElement taskOrigin) {
    return WALKER.walk(frames -> {
      java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
      while (it.hasNext()) {
        StackWalker.StackFrame frame = it.next();
        if (frame.getMethodName().startsWith("weft$")) continue;
        String c = frame.getClassName();
        Boolean verdict = verdict(c);
        if (verdict == null) continue;
        if (verdict) return frame.toStackTraceElement();
        return isForkJoinMachinery(c) ? taskOrigin : null;
      }
      return null;
    });
  }

  private static boolean isForkJoinMachinery(String className) {
    return className.equals("java.util.concurrent.ForkJoinTask")
        || className.equals("java.util.concurrent.CountedCompleter")
        || className.equals("java.util.concurrent.ForkJoinPool")
        || className.equals("java.util.concurrent.ForkJoinWorkerThread");
  }

  /** True: an application frame; false: someone else's access; null: look further down. */
  private static Boolean verdict(String c) {
    if (c.startsWith("dev.weft.boot.") || c.startsWith("dev.weft.internal.runtime.")) return null;
    // Weft's agent (and its shaded ByteBuddy) transforming a class on a controlled thread.
    if (c.startsWith("dev.weft.internal.")) return false;
    if (isCollectionsFramework(c)) return null;
    boolean application = !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
        && !c.startsWith("javax.") && !c.startsWith("org.junit.")
        && !c.startsWith("org.apache.maven.surefire.") && !c.startsWith("dev.weft.junit.RaceTest")
        && !c.startsWith("net.bytebuddy.") && !c.startsWith("org.assertj.");
    // Its monitors are invisible: a race would be reported against locks it really holds.
    return application && !UncontrolledClasses.isUncontrolled(c);
  }

  /** Weft's own classes; applications (and Weft's tests) may live in other dev.weft packages. */
  private static boolean isWeftItself(String c) {
    if (c.startsWith("dev.weft.internal.") || c.startsWith("dev.weft.boot.")) return true;
    int lastDot = c.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : c.substring(0, lastDot);
    return pkg.equals("dev.weft") || pkg.equals("dev.weft.junit");
  }

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /**
   * Whether the ConcurrentHashMap operation now starting was called by application code (not by
   * the JDK, which uses such maps internally on every thread, for class loading among others).
   * A caller on the bootstrap loader is never the application's, whatever its name: another
   * agent injected it there, such as the dispatcher an inline mock maker puts behind {@code
   * Object.equals} once a test has mocked a class, which the JDK then calls while it links a
   * lambda (a step in the one execution that linked it, and in none of its replays).
   */
  static boolean concurrentMapCalledByApplication() {
    return WALKER.walk(frames -> frames
        .filter(f -> {
          String c = f.getClassName();
          return !c.startsWith("dev.weft.boot.") && !c.startsWith("dev.weft.internal.runtime.")
              && !c.startsWith("java.util.concurrent.ConcurrentHashMap")
              && !isCollectionsFramework(c);
        })
        .findFirst()
        .map(f -> isApplicationClass(f.getClassName())
            && f.getDeclaringClass().getClassLoader() != null)
        .orElse(false));
  }

  private static boolean isApplicationClass(String c) {
    return !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
        && !isWeftItself(c) && !c.startsWith("org.junit.") && !c.startsWith("org.assertj.")
        && !c.startsWith("net.bytebuddy.");
  }
}
