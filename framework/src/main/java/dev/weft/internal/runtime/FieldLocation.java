package dev.weft.internal.runtime;

/**
 * The memory location of a field race: a field of one object, a static field, or one element of
 * an array. Immutable; holds names and renderings, never the object itself.
 *
 * @param kind which of the three
 * @param owner for a field, the declaring class (binary name); for an element, the array's type
 *     ({@code int[]})
 * @param name for a field, its name; for an element, empty
 * @param descriptor the type of the field or element ({@code I}, {@code Ljava/lang/String;})
 * @param holder the object or array ({@code Counter@1a2b}, {@code int[4]}); empty for a static
 *     field
 * @param index the element's index, or -1
 * @param createdAt where application code created the object or array, or null when unknown
 * @param markedBenign the field carries an annotation named {@code BenignRace}
 */
record FieldLocation(Kind kind, String owner, String name, String descriptor, String holder,
    int index, StackTraceElement createdAt, boolean markedBenign) {

  /** Which kind of location. */
  enum Kind { FIELD, STATIC_FIELD, ELEMENT }

  /** {@code com.acme.Counter.n}, or {@code int[]} for an element: what a silencing pattern names. */
  String qualifiedName() {
    return kind == Kind.ELEMENT ? owner : owner + "." + name;
  }

  /** Whether the location holds references (an object's publication can race there). */
  boolean holdsReference() {
    return descriptor.startsWith("L") || descriptor.startsWith("[");
  }

  boolean holdsBoolean() {
    return descriptor.equals("Z");
  }
}
