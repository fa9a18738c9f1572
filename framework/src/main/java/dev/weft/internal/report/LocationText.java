package dev.weft.internal.report;

import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.JdkObjectLocation;
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
    throw new IllegalArgumentException("no words for " + location);
  }

  /** What the location is, in a sentence of advice: {@code HashMap}. */
  static String type(Location location) {
    if (location instanceof CollectionLocation c) {
      return Names.className(c.collection().className());
    }
    if (location instanceof JdkObjectLocation j) return j.type();
    throw new IllegalArgumentException("no words for " + location);
  }

  private static String createdAt(StackTraceElement at) {
    return at == null ? "" : " (created at " + Names.where(at) + ")";
  }
}
