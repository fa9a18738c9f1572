package dev.weft.internal.failure;

/**
 * A value as it was when a failure was found: immutable values (strings, boxed primitives, enums)
 * as they are, anything else as its {@link ObjectId}, since its contents may change afterwards and
 * reading them may run the program's code.
 *
 * @param shown the immutable value, an {@link ObjectId}, or null for a null value
 */
public record Value(Object shown) {

  /** A snapshot of {@code value}. */
  public static Value of(Object value) {
    if (value == null || value instanceof String || value instanceof Number && isJdk(value)
        || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>) {
      return new Value(value);
    }
    return new Value(ObjectId.of(value));
  }

  private static boolean isJdk(Object value) {
    return value.getClass().getName().startsWith("java.");
  }
}
