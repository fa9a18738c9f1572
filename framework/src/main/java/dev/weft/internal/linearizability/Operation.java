package dev.weft.internal.linearizability;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One operation of the object under test: a name, an optional int argument range, and the call.
 * Immutable. The call is type-erased: {@link dev.weft.Linearizability} checks the types.
 */
public final class Operation {
  private final String name;
  private final boolean hasArgument;
  private final int min;
  private final int max;
  private final BiFunction<Object, Integer, Object> call;

  private Operation(String name, boolean hasArgument, int min, int max,
      BiFunction<Object, Integer, Object> call) {
    this.name = name;
    this.hasArgument = hasArgument;
    this.min = min;
    this.max = max;
    this.call = call;
  }

  public static Operation withoutArgument(String name, BiFunction<Object, Integer, Object> call) {
    return new Operation(validName(name), false, 0, 0, Objects.requireNonNull(call, "call"));
  }

  /** An operation whose argument is drawn from {@code [min, max]}. */
  public static Operation withArgument(String name, int min, int max,
      BiFunction<Object, Integer, Object> call) {
    validName(name);
    if (min > max) {
      throw new IllegalArgumentException("operation \"" + name + "\": min " + min + " is greater"
          + " than max " + max + "; the argument is drawn from [min, max], e.g. operation(\""
          + name + "\", 1, 3, ...)");
    }
    if ((long) max - min + 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("operation \"" + name + "\": the range [" + min + ", "
          + max + "] is too wide; keep max - min below " + Integer.MAX_VALUE
          + " (small ranges make calls meet on the same values)");
    }
    return new Operation(name, true, min, max, Objects.requireNonNull(call, "call"));
  }

  private static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an operation needs a name, such as \"push\"; it names"
          + " the call in reports");
    }
    return name;
  }

  public String name() {
    return name;
  }

  public boolean hasArgument() {
    return hasArgument;
  }

  public int min() {
    return min;
  }

  /** Number of argument values (1 without argument). */
  public int range() {
    return hasArgument ? max - min + 1 : 1;
  }

  /** Calls the operation on {@code target}; {@code argument} is ignored without argument. */
  public Object invoke(Object target, int argument) {
    return call.apply(target, hasArgument ? argument : null);
  }

  /** {@code name(min..max)} or {@code name()}: the operation as declared. */
  public String signature() {
    return hasArgument ? name + "(" + min + ".." + max + ")" : name + "()";
  }
}
