package dev.weft.internal.report;

import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.JdkObjectLocation;
import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.Location;

/**
 * How a report names what two threads raced on, one case per kind of {@link Location}: {@code
 * HashMap@1b2c3d (created at Cache.java:12)}.
 */
final class LocationText {
  private LocationText() {}

  static String of(Location location) {
    if (location instanceof CollectionLocation c) {
      return Names.qualifiedObject(c.collection()) + createdAt(c.createdAt());
    }
    if (location instanceof JdkObjectLocation j) {
      return Names.qualifiedObject(j.object()) + createdAt(j.createdAt());
    }
    if (location instanceof FieldLocation f) {
      String created = f.createdAt() == null ? ""
          : " (created at " + Names.where(f.createdAt()) + ")";
      return switch (f.kind()) {
        case STATIC_FIELD -> "static field " + FieldRaceText.shortName(f) + " ("
            + typeName(f.type()) + ")";
        case ELEMENT -> "element [" + f.index() + "] of " + typeName(f.type()) + "["
            + f.length() + "]" + created;
        case FIELD -> "field " + FieldRaceText.shortName(f) + " (" + typeName(f.type())
            + ") of " + Names.object(f.holder()) + created;
      };
    }
    throw new IllegalArgumentException("no words for " + location);
  }

  /** What the location is, in a sentence of advice: {@code HashMap}. */
  static String type(Location location) {
    if (location instanceof CollectionLocation c) {
      return Names.className(c.collection().className());
    }
    if (location instanceof JdkObjectLocation j) return j.type();
    if (location instanceof FieldLocation f) return "field " + FieldRaceText.shortName(f);
    throw new IllegalArgumentException("no words for " + location);
  }

  /** A type descriptor as Java source spells it: {@code int}, {@code String}, {@code long[]}. */
  static String typeName(String descriptor) {
    if (descriptor.startsWith("[")) return typeName(descriptor.substring(1)) + "[]";
    return switch (descriptor) {
      case "Z" -> "boolean";
      case "B" -> "byte";
      case "C" -> "char";
      case "S" -> "short";
      case "I" -> "int";
      case "J" -> "long";
      case "F" -> "float";
      case "D" -> "double";
      default -> descriptor.startsWith("L") && descriptor.endsWith(";")
          ? Names.className(descriptor.substring(1, descriptor.length() - 1).replace('/', '.'))
          : descriptor;
    };
  }

  private static String createdAt(StackTraceElement at) {
    return at == null ? "" : " (created at " + Names.where(at) + ")";
  }
}
