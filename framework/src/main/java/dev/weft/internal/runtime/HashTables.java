package dev.weft.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells whether a write to a HashMap (or a HashSet, which wraps one) is about to grow and rehash
 * the table: the "resize race" of the Go articles, where a reader or a second writer meets a
 * half-moved table. Reads the JDK's private fields; without access (java.util not opened) it
 * simply answers false.
 */
final class HashTables {
  private HashTables() {}

  private static final Set<String> INSERTING = Set.of("put", "putIfAbsent", "merge", "compute",
      "computeIfAbsent", "putAll", "add", "addAll");
  private static final VarHandle SIZE = field(HashMap.class, "size", int.class);
  private static final VarHandle THRESHOLD = field(HashMap.class, "threshold", int.class);
  private static final VarHandle TABLE = field(HashMap.class, "table", null);
  private static final VarHandle SET_MAP = field(HashSet.class, "map", HashMap.class);

  static boolean writeGrowsTable(Object collection, String method) {
    if (SIZE == null || THRESHOLD == null || TABLE == null || !INSERTING.contains(method)) {
      return false;
    }
    HashMap<?, ?> map = null;
    if (collection instanceof HashMap<?, ?> m) {
      map = m;
    } else if (collection instanceof HashSet<?> && SET_MAP != null) {
      map = (HashMap<?, ?>) SET_MAP.get(collection);
    }
    if (map == null || TABLE.get(map) == null) return false;
    return (int) SIZE.get(map) >= (int) THRESHOLD.get(map);
  }

  private static VarHandle field(Class<?> owner, String name, Class<?> type) {
    try {
      Class<?> fieldType = type != null ? type : owner.getDeclaredField(name).getType();
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .findVarHandle(owner, name, fieldType);
    } catch (ReflectiveOperationException | RuntimeException notAccessible) {
      return null;
    }
  }
}
