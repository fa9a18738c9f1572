package dev.weft.boot;

/** Volatile fields, atomics and calls into {@code java.util.concurrent} by application code. */
public interface MemoryHooks {

  /** Before a read or write of a volatile field ({@code fieldId} names the field, not the object). */
  void volatileAccess(int fieldId, boolean write, int site);

  /**
   * Before an atomic operation (an {@code Atomic*} method or a {@code VarHandle} access mode) or a
   * call into {@code java.util.concurrent}.
   */
  void atomicAccess(int site);

  /** A java.util.concurrent call made by application code returned (an acquire). */
  void concurrencyCallReturned(int site);
}
