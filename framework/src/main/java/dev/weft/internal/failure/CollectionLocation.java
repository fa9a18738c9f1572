package dev.weft.internal.failure;

import java.util.Objects;

/**
 * A collection that is not thread-safe ({@code HashMap}, {@code ArrayList}, ...).
 *
 * @param collection the instance
 * @param map whether it is a {@code java.util.Map}, which the advice depends on
 * @param accessOrdered whether it is a {@code LinkedHashMap} in access order, whose {@code get}
 *     is a write (an LRU cache)
 * @param createdAt the application line that created it, or null when unknown
 */
public record CollectionLocation(ObjectId collection, boolean map, boolean accessOrdered,
    StackTraceElement createdAt) implements Location {

  public CollectionLocation {
    Objects.requireNonNull(collection, "collection");
  }

  @Override
  public Object subject() {
    return collection;
  }
}
