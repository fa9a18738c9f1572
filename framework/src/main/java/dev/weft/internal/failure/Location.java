package dev.weft.internal.failure;

/**
 * What two threads raced on. Each kind of location is one record here and one case in the
 * report package's {@code LocationText} (and {@code RaceAdvice}, for its fix): a collection,
 * a JDK object that is not thread-safe, or a plain field or array element.
 */
public sealed interface Location permits CollectionLocation, JdkObjectLocation, FieldLocation {

  /**
   * The typed value that trace events touching this location carry ({@link TraceEvent#subject}),
   * so that the interleaving never folds them away.
   */
  Object subject();
}
