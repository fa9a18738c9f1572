package dev.weft.internal.runtime;

/**
 * Renders keys and values for reports: short, and without running user code ({@code toString} of
 * an arbitrary object may throw, block, or touch the very collection being reported).
 */
final class ValueRendering {
  private ValueRendering() {}

  private static final int MAX_LENGTH = 40;

  static String render(Object value) {
    if (value == null) return "null";
    if (value instanceof CharSequence s) return '"' + truncate(s.toString()) + '"';
    if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      return truncate(String.valueOf(value));
    }
    if (value instanceof Character c) return "'" + c + "'";
    return value.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(value));
  }

  /** {@code java.util.HashMap@1b2c3d}: the identity of an instance, never its contents. */
  static String identity(Object instance) {
    return instance.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(instance));
  }

  private static String truncate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 3) + "...";
  }
}
