package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.Value;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The values a traced run shows for field and element accesses: a written value from the bits the
 * hook passed, a read value by looking at the location just before the read (no other thread runs
 * in between). Never calls application code: values are snapshots ({@link Value}).
 * Reading a field this way needs reflective access; where the field's module does not open it,
 * the value is left out.
 */
final class LocationValues {
  private LocationValues() {}

  /** A value written to a location of type {@code descriptor}. */
  static Value written(String descriptor, long bits, Object reference) {
    switch (descriptor.charAt(0)) {
      case 'Z':
        return Value.of(bits != 0);
      case 'C':
        return Value.of((char) bits);
      case 'B':
        return Value.of((byte) bits);
      case 'S':
        return Value.of((short) bits);
      case 'I':
        return Value.of((int) bits);
      case 'J':
        return Value.of(bits);
      case 'F':
        return Value.of(Float.intBitsToFloat((int) bits));
      case 'D':
        return Value.of(Double.longBitsToDouble(bits));
      default:
        return Value.of(reference);
    }
  }

  /**
   * The value field {@code fieldId} of {@code holder} has now, or null when it cannot be read. A
   * static field is read only from code of its own class, which is initialized then: reading
   * another class's static field here could initialize that class inside Weft's hook.
   */
  static Value currentField(Object holder, int fieldId, Class<?> accessingClass) {
    Object value = currentFieldObject(holder, fieldId, accessingClass);
    return value == UNREADABLE ? null : Value.of(value);
  }

  /** What {@link #currentObject} returns for a field it cannot read. */
  static final Object UNREADABLE = new Object();

  /**
   * The object (or boxed value) location {@code key} of {@code holder} holds now, as {@link
   * #currentField} reads it; {@link #UNREADABLE} when it cannot be read.
   */
  static Object currentObject(Object holder, int key, Class<?> accessingClass) {
    if (key < 0) return Array.get(holder, -1 - key);
    return currentFieldObject(holder, key, accessingClass);
  }

  private static Object currentFieldObject(Object holder, int fieldId, Class<?> accessingClass) {
    SiteRegistry.FieldInfo info = SiteRegistry.fieldInfo(fieldId);
    if (info == null) return UNREADABLE;
    try {
      Field f = holder == Hooks.STATIC_FIELD ? ownStatic(info, accessingClass)
          : declared(info, holder.getClass());
      if (f == null) return UNREADABLE;
      f.setAccessible(true);
      return f.get(Modifier.isStatic(f.getModifiers()) ? null : holder);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
      return UNREADABLE;
    }
  }

  /** The element's value now (the index was checked by the caller). */
  static Value currentElement(Object array, int index) {
    return Value.of(Array.get(array, index));
  }

  private static Field declared(SiteRegistry.FieldInfo info, Class<?> holderClass)
      throws NoSuchFieldException {
    for (Class<?> c = holderClass; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(info.owner())) return c.getDeclaredField(info.name());
    }
    return null;
  }

  private static Field ownStatic(SiteRegistry.FieldInfo info, Class<?> accessingClass)
      throws NoSuchFieldException {
    if (accessingClass == null || !accessingClass.getName().equals(info.owner())) return null;
    return accessingClass.getDeclaredField(info.name());
  }
}
