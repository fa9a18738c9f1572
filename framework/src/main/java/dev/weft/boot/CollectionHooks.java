package dev.weft.boot;

/** Operations on the collections the race detector watches, and the calls that reach them. */
public interface CollectionHooks {

  /**
   * Application code at {@code site} calls {@code method} on a receiver typed as a collection;
   * the collection's hook that runs next with the same method name belongs to this call.
   */
  void collectionCall(int site, String method, boolean concurrencyLibrary);

  /** The call announced by {@link #collectionCall} returned (or it reached no hook). */
  void collectionCallDone();

  /** An operation on a tracked collection begins; returns whether it is tracked. */
  boolean collectionEnter(Object instance, String method, Object argument);

  /**
   * A step of an iterator, spliterator or view begins; returns the collection it belongs to when
   * the step is tracked, else null.
   */
  Object iterationStep(Object view, String method);

  /** A tracked operation on {@code instance} ended. */
  void collectionExit(Object instance);

  /**
   * An operation on a ConcurrentHashMap begins ({@code true}) or ends: a scheduling point when
   * application code calls it, even through a plain {@code Map} variable.
   */
  void concurrentMapOperation(Object map, boolean starting, String method);

  /** A tracked collection was constructed (for "created at" in race reports). */
  void collectionCreated(Object instance);

  /**
   * An operation on a JDK object that is not thread-safe begins ({@code kind}: {@link
   * Hooks#OBJECT_READ}, {@link Hooks#OBJECT_WRITE} or {@link Hooks#OBJECT_STATE_DEPENDENT});
   * returns whether it is tracked. Only a call application code announced is.
   */
  boolean objectAccess(Object instance, String method, int kind);

  /** A JDK object the race detector tracks was constructed, inside an announced call. */
  void objectCreated(Object instance);
}
