package dev.weft.boot;

/**
 * Plain (non-volatile, non-final) fields and array elements accessed by application code, and the
 * objects and arrays it creates. Each access hook runs just before the access: the runtime may
 * let another thread run first, and checks the access for a data race. A write carries the value
 * written, as {@code bits} for a primitive (an {@code int}, {@code long}, or the raw bits of a
 * {@code float} or {@code double}) or as {@code reference}; the field's type says which.
 */
public interface FieldHooks {

  /**
   * Before a read of field {@code field} of {@code holder}: {@link Hooks#STATIC_FIELD} for a
   * static field, null when the access is about to throw a NullPointerException.
   */
  void fieldRead(Object holder, int field, int site);

  /** Before a write of {@code field} of {@code holder}, as for {@link #fieldRead}. */
  void fieldWritten(Object holder, int field, long bits, Object reference, int site);

  /** Before a read of element {@code index} of {@code array} (any array type, or null). */
  void elementRead(Object array, int index, int site);

  /** Before a write of element {@code index} of {@code array} (any array type, or null). */
  void elementWritten(Object array, int index, long bits, Object reference, int site);

  /** Application code at {@code site} created {@code object} (a constructed object or an array). */
  void created(Object object, int site);
}
