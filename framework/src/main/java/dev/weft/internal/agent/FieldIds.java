package dev.weft.internal.agent;

import java.util.concurrent.ConcurrentHashMap;

/** One stable id per field ({@code owner.name}), shared by every class that accesses it. */
final class FieldIds {
  private FieldIds() {}

  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

  /** A field known only by name (a volatile whose declaration could not be read). */
  static int of(String owner, String name) {
    String binaryOwner = owner.replace('/', '.');
    return IDS.computeIfAbsent(binaryOwner + '.' + name,
        k -> SiteRegistry.field(binaryOwner, name));
  }

  /** A field whose declaration was read: the race report names its type. */
  static int of(String declaringOwner, String name, String descriptor, boolean isStatic,
      boolean benign) {
    String binaryOwner = declaringOwner.replace('/', '.');
    return IDS.computeIfAbsent(binaryOwner + '.' + name,
        k -> SiteRegistry.field(binaryOwner, name, descriptor, isStatic, benign));
  }
}
