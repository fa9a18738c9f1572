package dev.weft.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * Finds the collection behind an iterator, spliterator or view: inner classes keep it in
 * {@code this$0}, the JDK's static nested ones in {@code root}, {@code map} or {@code tree}.
 * Resolved once per class.
 */
final class ViewOwners {
  private ViewOwners() {}

  private static final String[] OWNER_FIELDS = {"this$0", "root", "map", "tree"};

  private static final ClassValue<VarHandle> OWNER = new ClassValue<>() {
    @Override
    protected VarHandle computeValue(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (String name : OWNER_FIELDS) {
          try {
            Field f = c.getDeclaredField(name);
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectVarHandle(f);
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

  /** The owning collection, or null when the view's class keeps it elsewhere. */
  static Object ownerOf(Object view) {
    VarHandle owner = OWNER.get(view.getClass());
    return owner == null ? null : (Object) owner.get(view);
  }
}
