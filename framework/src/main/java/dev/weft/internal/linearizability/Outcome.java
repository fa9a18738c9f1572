package dev.weft.internal.linearizability;

import java.util.Objects;

/**
 * What one call did: the value it returned, or the class of the exception it threw. Immutable. Two
 * outcomes match when both returned equal values (arrays element by element) or both threw
 * exceptions of the same class: messages differ too easily between an implementation and its
 * model to be compared.
 */
public final class Outcome {
  private final Object value;
  private final Class<? extends Throwable> thrown;
  private final String message;

  private Outcome(Object value, Class<? extends Throwable> thrown, String message) {
    this.value = value;
    this.thrown = thrown;
    this.message = message;
  }

  public static Outcome returned(Object value) {
    return new Outcome(value, null, null);
  }

  public static Outcome threw(Throwable error) {
    return new Outcome(null, error.getClass(), error.getMessage());
  }

  /** An outcome with a thrown exception of {@code type}, for hand-written histories. */
  public static Outcome threw(Class<? extends Throwable> type) {
    return new Outcome(null, Objects.requireNonNull(type, "type"), null);
  }

  public boolean threw() {
    return thrown != null;
  }

  /** The returned value (null if the call threw). */
  public Object value() {
    return value;
  }

  /** The class of the exception thrown, or null. */
  public Class<? extends Throwable> exception() {
    return thrown;
  }

  /** The exception's message, or null. */
  public String message() {
    return message;
  }

  boolean matches(Outcome other) {
    if (threw() || other.threw()) return thrown == other.thrown;
    return Objects.deepEquals(value, other.value);
  }

  /**
   * {@code = 1} or {@code throws NoSuchElementException}, for debugging; reports render outcomes
   * in the report package, without calling the values' own {@code toString}.
   */
  @Override
  public String toString() {
    if (threw()) return "throws " + thrown.getSimpleName();
    if (value == null || !value.getClass().isArray()) return "= " + value;
    String wrapped = java.util.Arrays.deepToString(new Object[] {value});
    return "= " + wrapped.substring(1, wrapped.length() - 1);
  }
}
