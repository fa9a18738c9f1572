package dev.weft.internal.runtime;

import dev.weft.internal.agent.CollectionTargets;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Finds the collection behind an iterator, spliterator or view. Inner classes keep it in
 * {@code this$0}, the JDK's static nested ones in {@code root}, {@code map}, {@code tree},
 * {@code m} or {@code list}. That field may hold another view (a TreeMap key set over a sub-map,
 * an ArrayList sub-list's iterator): the search goes on through java.util views, and stops at
 * the first tracked collection, or an application subclass of one, whose own fields it never
 * reads (an anonymous {@code new HashMap<>() {{ ... }}} has a {@code this$0} to its enclosing
 * object). Anything else (a sub-list of a Vector or of an application's list) is not tracked.
 * Field lookups and verdicts are cached per class; a step allocates nothing.
 */
final class ViewOwners {
  private ViewOwners() {}

  private static final String[] OWNER_FIELDS = {"this$0", "root", "map", "tree", "m", "list"};

  /** Views of views of views at most: a key set of a sub-map of a TreeMap is two hops. */
  private static final int MAX_HOPS = 4;

  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

  /** Reads the field that holds a view's owner, typed (Object)Object; null when there is none. */
  private static final ClassValue<MethodHandle> OWNER = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (String name : OWNER_FIELDS) {
          try {
            Field f = c.getDeclaredField(name);
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectGetter(f)
                .asType(GETTER);
          } catch (NoSuchFieldException notHere) {
            // next candidate
          } catch (ReflectiveOperationException | RuntimeException notAccessible) {
            return null;
          }
        }
      }
      return null;
    }
  };

  /** What an object found in an owner field is. */
  private enum Kind { COLLECTION, VIEW, OTHER }

  private static final ClassValue<Kind> KIND = new ClassValue<>() {
    @Override
    protected Kind computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (CollectionTargets.isCollection(c.getName())) return Kind.COLLECTION;
      }
      return isJavaUtil(type) && OWNER.get(type) != null ? Kind.VIEW : Kind.OTHER;
    }
  };

  /** A class of java.util itself, not of a subpackage (java.util.concurrent has none of ours). */
  private static boolean isJavaUtil(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.util.") && name.indexOf('.', "java.util.".length()) < 0;
  }

  /** The tracked collection behind {@code view}, or null when there is none to track. */
  static Object ownerOf(Object view) {
    Object current = view;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      MethodHandle field = OWNER.get(current.getClass());
      if (field == null) return null;
      Object owner;
      try {
        owner = (Object) field.invokeExact(current);
      } catch (Throwable unreadable) {
        return null;
      }
      if (owner == null) return null;
      switch (KIND.get(owner.getClass())) {
        case COLLECTION:
          return owner;
        case VIEW:
          current = owner;
          break;
        default:
          return null;
      }
    }
    return null;
  }
}
