package dev.weft.internal.statics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-final, non-synthetic static fields of one class and a baseline value of each. The
 * baseline is kept as it is read: primitives as their bits, references as the references (a
 * shallow copy: the object a field points to is not copied). Restoring reads each field and
 * writes only those that changed, through typed accessors, so it allocates nothing.
 */
final class ClassStatics {
  private final Class<?> type;
  private final Field[] fields;
  /** The field's type as its descriptor letter: {@code I}, {@code J}, ..., {@code L} for any reference. */
  private final char[] kinds;
  private final long[] bits;
  private final Object[] references;

  private ClassStatics(Class<?> type, Field[] fields) {
    this.type = type;
    this.fields = fields;
    this.kinds = new char[fields.length];
    for (int i = 0; i < fields.length; i++) kinds[i] = kindOf(fields[i].getType());
    this.bits = new long[fields.length];
    this.references = new Object[fields.length];
  }

  /**
   * The resettable fields of {@code type}, made accessible; null when one of them cannot be made
   * accessible (a class in a module that does not open its package to Weft): resetting some of a
   * class's fields but not the others would make a state that never existed.
   */
  static ClassStatics of(Class<?> type) {
    List<Field> resettable = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      int m = f.getModifiers();
      if (!Modifier.isStatic(m) || Modifier.isFinal(m) || f.isSynthetic()) continue;
      if (!f.trySetAccessible()) return null;
      resettable.add(f);
    }
    return new ClassStatics(type, resettable.toArray(new Field[0]));
  }

  Class<?> type() {
    return type;
  }

  int fieldCount() {
    return fields.length;
  }

  /** Takes the fields' current values as the baseline. */
  void capture() {
    try {
      for (int i = 0; i < fields.length; i++) {
        Field f = fields[i];
        switch (kinds[i]) {
          case 'Z' -> bits[i] = f.getBoolean(null) ? 1 : 0;
          case 'B', 'S', 'C', 'I', 'J' -> bits[i] = f.getLong(null);
          case 'F' -> bits[i] = Float.floatToRawIntBits(f.getFloat(null));
          case 'D' -> bits[i] = Double.doubleToRawLongBits(f.getDouble(null));
          default -> references[i] = f.get(null);
        }
      }
    } catch (IllegalAccessException madeAccessible) {
      throw new IllegalStateException(madeAccessible);
    }
  }

  /** Writes back every field whose value differs from the baseline; returns how many. */
  int restore() {
    int written = 0;
    try {
      for (int i = 0; i < fields.length; i++) {
        Field f = fields[i];
        long b = bits[i];
        switch (kinds[i]) {
          case 'Z' -> {
            if (f.getBoolean(null) != (b != 0)) { f.setBoolean(null, b != 0); written++; }
          }
          case 'B' -> {
            if (f.getByte(null) != (byte) b) { f.setByte(null, (byte) b); written++; }
          }
          case 'S' -> {
            if (f.getShort(null) != (short) b) { f.setShort(null, (short) b); written++; }
          }
          case 'C' -> {
            if (f.getChar(null) != (char) b) { f.setChar(null, (char) b); written++; }
          }
          case 'I' -> {
            if (f.getInt(null) != (int) b) { f.setInt(null, (int) b); written++; }
          }
          case 'J' -> {
            if (f.getLong(null) != b) { f.setLong(null, b); written++; }
          }
          case 'F' -> {
            if (Float.floatToRawIntBits(f.getFloat(null)) != (int) b) {
              f.setFloat(null, Float.intBitsToFloat((int) b));
              written++;
            }
          }
          case 'D' -> {
            if (Double.doubleToRawLongBits(f.getDouble(null)) != b) {
              f.setDouble(null, Double.longBitsToDouble(b));
              written++;
            }
          }
          default -> {
            if (f.get(null) != references[i]) { f.set(null, references[i]); written++; }
          }
        }
      }
    } catch (IllegalAccessException madeAccessible) {
      throw new IllegalStateException(madeAccessible);
    }
    return written;
  }

  private static char kindOf(Class<?> t) {
    if (t == boolean.class) return 'Z';
    if (t == byte.class) return 'B';
    if (t == short.class) return 'S';
    if (t == char.class) return 'C';
    if (t == int.class) return 'I';
    if (t == long.class) return 'J';
    if (t == float.class) return 'F';
    if (t == double.class) return 'D';
    return 'L';
  }
}
