package dev.weft.internal.agent;

import java.util.concurrent.ConcurrentHashMap;

/** One stable id per field ({@code owner.name}), shared by every class that accesses it. */
final class FieldIds {
  private FieldIds() {}

  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

  static int of(String owner, String name) {
    String binaryOwner = owner.replace('/', '.');
    return IDS.computeIfAbsent(binaryOwner + '.' + name,
        k -> SiteRegistry.field(binaryOwner, name));
  }
}
