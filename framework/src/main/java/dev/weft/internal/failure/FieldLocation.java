package dev.weft.internal.failure;

import java.util.Objects;

/**
 * A plain field of one object, a static field, or one element of an array: what a field race is
 * on. Names and ids only, never the object itself.
 *
 * @param kind which of the three
 * @param owner for a field, the binary name of the class that declares it; empty for an element
 * @param name for a field, its name; empty for an element
 * @param type the type descriptor of the field or element ({@code I}, {@code Ljava/lang/String;})
 * @param holder the object or array; null for a static field
 * @param index the element's index, or -1
 * @param length the array's length, or -1
 * @param createdAt where application code created the object or array, or null when unknown
 * @param markedBenign the field carries an annotation named {@code BenignRace}
 */
public record FieldLocation(Kind kind, String owner, String name, String type, ObjectId holder,
    int index, int length, StackTraceElement createdAt, boolean markedBenign)
    implements Location {

  /** Which kind of location. */
  public enum Kind { FIELD, STATIC_FIELD, ELEMENT }

  /**
   * One location as trace events name it: the holder and the field (or the index), without what
   * only the report needs.
   */
  public record Slot(ObjectId holder, String field, int index) {}

  public FieldLocation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Object subject() {
    return new Slot(holder, kind == Kind.ELEMENT ? "" : owner + "." + name, index);
  }

  /** {@code com.acme.Counter.n}, or the array type for an element: what a benign pattern names. */
  public String qualifiedName() {
    return kind == Kind.ELEMENT ? "[" + type : owner + "." + name;
  }

  /** Whether the location holds references (an object's publication can race there). */
  public boolean holdsReference() {
    return type.startsWith("L") || type.startsWith("[");
  }

  public boolean holdsBoolean() {
    return type.equals("Z");
  }
}
