package dev.weft.internal.agent;

import java.util.BitSet;

/**
 * Which plain field and array accesses of one method are left without a hook, because their
 * receiver can only be an object or array that the same invocation created and never let escape
 * ({@link ConfinementAnalysis}): no other thread can reach it, so the access can neither race nor
 * need a scheduling point.
 *
 * <p>The accesses are numbered in the order the method visits them: every {@code getfield},
 * {@code putfield}, array load and array store counts, tracked field or not. {@link
 * FieldAccessVisitor} asks once per such instruction, in the order the analysis saw them.
 */
final class ConfinedAccesses {
  /** Empty until an analysis succeeded: then nothing is left alone. */
  private BitSet confined = new BitSet();
  private int next;

  /** From now on, the accesses numbered in {@code accesses} are confined. */
  void use(BitSet accesses) {
    confined = (BitSet) accesses.clone();
    next = 0;
  }

  /** Whether the next access instruction of the method is confined; each call moves on by one. */
  boolean nextIsConfined() {
    return confined.get(next++);
  }
}
