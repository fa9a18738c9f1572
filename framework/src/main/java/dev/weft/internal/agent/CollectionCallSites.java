package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;

import java.util.Set;

/**
 * Which calls in application code may land in a tracked collection: the rewriter announces their
 * call site to the runtime, so the collection's hook knows the application line without walking
 * the stack. (Calls into java.util.concurrent and streams are announced too, as library calls.) Calls typed otherwise (an application subclass of
 * HashMap, say) are still tracked; their hook falls back to a stack walk.
 */
final class CollectionCallSites {
  private CollectionCallSites() {}

  private static final Set<String> JAVA_UTIL_TYPES = Set.of(
      // interfaces the application usually calls through
      "Collection", "List", "Set", "Map", "SortedMap", "NavigableMap", "SortedSet",
      "NavigableSet", "Queue", "Deque", "Iterator", "ListIterator", "Spliterator",
      "SequencedCollection", "SequencedSet", "SequencedMap",
      // the tracked classes and their abstract bases
      "HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap", "IdentityHashMap", "EnumMap",
      "HashSet", "LinkedHashSet", "TreeSet", "ArrayList", "LinkedList", "ArrayDeque",
      "PriorityQueue", "AbstractMap", "AbstractCollection", "AbstractList", "AbstractSet",
      "AbstractQueue", "AbstractSequentialList");

  /** Calls, and constructor calls (for "created at"), that may reach a collection's hook. */
  static boolean isCollectionCall(int opcode, String owner, String name) {
    if (opcode == INVOKESPECIAL) {
      return name.equals("<init>") && owner.startsWith("java/util/")
          && JAVA_UTIL_TYPES.contains(owner.substring("java/util/".length()));
    }
    if (opcode != INVOKEVIRTUAL && opcode != INVOKEINTERFACE) return false;
    if (owner.equals("java/lang/Iterable")) return true;
    return owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0
        && JAVA_UTIL_TYPES.contains(owner.substring("java/util/".length()));
  }

  /** Stream pipelines: a parallel one creates its tasks inside the terminal operation. */
  static boolean isStreamCall(int opcode, String owner) {
    return opcode != INVOKESPECIAL && owner.startsWith("java/util/stream/");
  }
}
