package dev.weft.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
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
public final class CollectionTargets {
  private CollectionTargets() {}

  /** The JDK's general-purpose collections that are not safe for concurrent use. */
  static final String[] COLLECTIONS = {
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap",
      "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayList",
      "java.util.LinkedList", "java.util.ArrayDeque", "java.util.PriorityQueue"};

  /**
   * Their iterators, spliterators and views (of views too: a TreeMap's sub-maps and their key
   * sets, an ArrayList's sub-list and its iterator). Each keeps its collection, or the view it
   * came from, in a field ({@code this$0} for inner classes, {@code root}, {@code map},
   * {@code tree}, {@code m} or {@code list} otherwise); the runtime follows them to the collection.
   * Names checked against JDK 17 and 25.
   */
  static final String[] VIEWS = {
      // HashMap, LinkedHashMap (and HashSet, LinkedHashSet through them)
      "java.util.HashMap$HashIterator", "java.util.HashMap$KeySet", "java.util.HashMap$Values",
      "java.util.HashMap$EntrySet", "java.util.HashMap$HashMapSpliterator",
      "java.util.HashMap$KeySpliterator", "java.util.HashMap$ValueSpliterator",
      "java.util.HashMap$EntrySpliterator", "java.util.LinkedHashMap$LinkedHashIterator",
      "java.util.LinkedHashMap$LinkedKeySet", "java.util.LinkedHashMap$LinkedValues",
      "java.util.LinkedHashMap$LinkedEntrySet",
      // TreeMap (and TreeSet through it): views, sub-maps, their views and iterators
      "java.util.TreeMap$PrivateEntryIterator", "java.util.TreeMap$DescendingKeyIterator",
      "java.util.TreeMap$KeySet", "java.util.TreeMap$Values", "java.util.TreeMap$EntrySet",
      "java.util.TreeMap$TreeMapSpliterator", "java.util.TreeMap$KeySpliterator",
      "java.util.TreeMap$ValueSpliterator", "java.util.TreeMap$EntrySpliterator",
      "java.util.TreeMap$DescendingKeySpliterator", "java.util.TreeMap$NavigableSubMap",
      "java.util.TreeMap$AscendingSubMap", "java.util.TreeMap$DescendingSubMap",
      "java.util.TreeMap$NavigableSubMap$EntrySetView",
      "java.util.TreeMap$AscendingSubMap$AscendingEntrySetView",
      "java.util.TreeMap$DescendingSubMap$DescendingEntrySetView",
      "java.util.TreeMap$NavigableSubMap$SubMapIterator",
      "java.util.TreeMap$NavigableSubMap$SubMapEntryIterator",
      "java.util.TreeMap$NavigableSubMap$SubMapKeyIterator",
      "java.util.TreeMap$NavigableSubMap$DescendingSubMapEntryIterator",
      "java.util.TreeMap$NavigableSubMap$DescendingSubMapKeyIterator",
      // WeakHashMap, IdentityHashMap, EnumMap
      "java.util.WeakHashMap$HashIterator", "java.util.WeakHashMap$KeySet",
      "java.util.WeakHashMap$Values", "java.util.WeakHashMap$EntrySet",
      "java.util.WeakHashMap$WeakHashMapSpliterator", "java.util.WeakHashMap$KeySpliterator",
      "java.util.WeakHashMap$ValueSpliterator", "java.util.WeakHashMap$EntrySpliterator",
      "java.util.IdentityHashMap$IdentityHashMapIterator", "java.util.IdentityHashMap$KeySet",
      "java.util.IdentityHashMap$Values", "java.util.IdentityHashMap$EntrySet",
      "java.util.IdentityHashMap$IdentityHashMapSpliterator",
      "java.util.IdentityHashMap$KeySpliterator", "java.util.IdentityHashMap$ValueSpliterator",
      "java.util.IdentityHashMap$EntrySpliterator", "java.util.EnumMap$EnumMapIterator",
      "java.util.EnumMap$KeyIterator", "java.util.EnumMap$ValueIterator",
      "java.util.EnumMap$EntryIterator", "java.util.EnumMap$KeySet", "java.util.EnumMap$Values",
      "java.util.EnumMap$EntrySet",
      // ArrayList, LinkedList (its subList is AbstractList's: tracked only over a LinkedList)
      "java.util.ArrayList$Itr", "java.util.ArrayList$ListItr",
      "java.util.ArrayList$ArrayListSpliterator", "java.util.ArrayList$SubList",
      "java.util.ArrayList$SubList$1", "java.util.ArrayList$SubList$2",
      "java.util.LinkedList$ListItr", "java.util.LinkedList$LLSpliterator",
      "java.util.AbstractList$SubList",
      // ArrayDeque, PriorityQueue
      "java.util.ArrayDeque$DeqIterator", "java.util.ArrayDeque$DescendingIterator",
      "java.util.ArrayDeque$DeqSpliterator", "java.util.PriorityQueue$Itr",
      "java.util.PriorityQueue$PriorityQueueSpliterator"};

  /**
   * The methods of views that read or write the collection. Iteration steps, bulk and point
   * operations, the navigation of sorted views (which reach into TreeMap's package-private
   * methods, out of sight of the collection's own advice), and spliterator sizing (a SIZED
   * stream's {@code count()} only asks for the size).
   */
  private static final String[] STEP_METHODS = {
      "next", "nextNode", "nextEntry", "nextIndex", "previous", "prevEntry", "remove", "set",
      "add", "forEachRemaining", "forEach", "iterator", "descendingIterator", "contains", "size",
      "isEmpty", "clear", "toArray", "removeIf", "tryAdvance", "trySplit", "estimateSize", "get",
      "addAll", "removeAll", "retainAll", "replaceAll", "sort", "listIterator", "spliterator",
      "indexOf", "lastIndexOf", "removeRange", "equals", "hashCode",
      // sorted views
      "first", "last", "lower", "floor", "ceiling", "higher", "pollFirst", "pollLast",
      "firstKey", "lastKey", "firstEntry", "lastEntry", "lowerKey", "floorKey", "ceilingKey",
      "higherKey", "lowerEntry", "floorEntry", "ceilingEntry", "higherEntry", "pollFirstEntry",
      "pollLastEntry", "containsKey", "put", "putIfAbsent", "merge", "compute",
      "computeIfAbsent", "computeIfPresent",
      // sequenced views (JDK 21+)
      "getFirst", "getLast", "removeFirst", "removeLast", "addFirst", "addLast"};

  /** Whether {@code className} is one of {@link #COLLECTIONS}. */
  public static boolean isCollection(String className) {
    return COLLECTION_NAMES.contains(className);
  }

  private static final java.util.Set<String> COLLECTION_NAMES = java.util.Set.of(COLLECTIONS);

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
        .visit(Advice.to(CollectionAdvice.WithArgument.class, TrackedOperationExit.class)
            .on(operation.and(not(takesNoArguments()))))
        .visit(Advice.to(CollectionAdvice.WithoutArgument.class, TrackedOperationExit.class)
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
    return namedOneOf(STEP_METHODS).and(not(isStatic())).and(not(isConstructor()))
        .and(not(isBridge()));
  }

}
