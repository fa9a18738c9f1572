package dev.weft.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** Which JDK collection classes, operations and iterator steps the race detector watches. */
final class CollectionTargets {
  private CollectionTargets() {}

  /** The JDK's general-purpose collections that are not safe for concurrent use. */
  static final String[] COLLECTIONS = {
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap",
      "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayList",
      "java.util.LinkedList", "java.util.ArrayDeque", "java.util.PriorityQueue"};

  /**
   * Their iterators, spliterators and views. Each keeps its collection in a field ({@code this$0}
   * for inner classes, {@code map}, {@code tree} or {@code root} otherwise); the runtime finds it.
   */
  static final String[] VIEWS = {
      "java.util.HashMap$HashIterator", "java.util.HashMap$KeySet", "java.util.HashMap$Values",
      "java.util.HashMap$EntrySet", "java.util.LinkedHashMap$LinkedHashIterator",
      "java.util.LinkedHashMap$LinkedKeySet", "java.util.LinkedHashMap$LinkedValues",
      "java.util.LinkedHashMap$LinkedEntrySet", "java.util.TreeMap$PrivateEntryIterator",
      "java.util.WeakHashMap$HashIterator", "java.util.IdentityHashMap$IdentityHashMapIterator",
      "java.util.EnumMap$EnumMapIterator", "java.util.ArrayList$Itr",
      "java.util.ArrayList$ListItr", "java.util.LinkedList$ListItr",
      "java.util.ArrayDeque$DeqIterator", "java.util.PriorityQueue$Itr",
      "java.util.ArrayList$ArrayListSpliterator", "java.util.TreeMap$Values",
      "java.util.TreeMap$EntrySet", "java.util.HashMap$KeySpliterator",
      "java.util.HashMap$ValueSpliterator", "java.util.HashMap$EntrySpliterator",
      "java.util.TreeMap$KeySpliterator", "java.util.TreeMap$ValueSpliterator",
      "java.util.TreeMap$EntrySpliterator", "java.util.TreeMap$DescendingKeySpliterator",
      "java.util.ArrayList$SubList"};

  private static final String[] STEP_METHODS = {
      "next", "nextNode", "nextEntry", "nextIndex", "previous", "prevEntry", "remove", "set",
      "add", "forEachRemaining", "forEach", "iterator", "contains", "size", "clear",
      "toArray", "removeIf", "tryAdvance", "get", "addAll", "removeAll", "retainAll",
      "replaceAll", "sort", "listIterator", "spliterator", "indexOf", "lastIndexOf"};

  static ElementMatcher.Junction<TypeDescription> collections() {
    return namedOneOf(COLLECTIONS);
  }

  static ElementMatcher.Junction<TypeDescription> views() {
    return namedOneOf(VIEWS);
  }

  static DynamicType.Builder<?> operations(DynamicType.Builder<?> builder) {
    ElementMatcher.Junction<MethodDescription> operation =
        isPublic().and(not(isStatic())).and(not(isConstructor()));
    return builder
        .visit(Advice.to(CollectionAdvice.WithArgument.class)
            .on(operation.and(not(takesNoArguments()))))
        .visit(Advice.to(CollectionAdvice.WithoutArgument.class)
            .on(operation.and(takesNoArguments())))
        .visit(Advice.to(CollectionAdvice.Created.class).on(isConstructor()));
  }

  /** The ConcurrentHashMap operations a check-then-act bug is made of. */
  static ElementMatcher.Junction<MethodDescription> concurrentMapOperations() {
    return namedOneOf("get", "put", "putIfAbsent", "remove", "replace", "containsKey",
        "getOrDefault", "merge", "compute", "computeIfAbsent", "computeIfPresent", "putAll",
        "clear", "size", "isEmpty")
        .and(isPublic()).and(not(isStatic())).and(not(isConstructor()));
  }

  static DynamicType.Builder<?> steps(DynamicType.Builder<?> builder) {
    return builder.visit(Advice.to(CollectionAdvice.ViewStep.class).on(stepMethods()));
  }

  private static ElementMatcher.Junction<MethodDescription> stepMethods() {
    return namedOneOf(STEP_METHODS).and(not(isStatic())).and(not(isConstructor()));
  }

}
