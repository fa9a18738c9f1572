package dev.weft.examples.informer;

/**
 * An operator's local view of its pods: informer event handlers keep it current, the status
 * updater summarizes it into the custom resource's status.
 */
public interface PodCache {
  /** Informer add event. */
  void onAdd(Pod pod);

  /** Informer update event: {@code pod} is the new state. */
  void onUpdate(Pod pod);

  /** Informer delete event. */
  void onDelete(Pod pod);

  /** What the status updater writes: how many pods there are and how many of them run. */
  Summary summarize();

  /** A status summary; {@code running <= pods} in every consistent state of the cache. */
  record Summary(int pods, int running) {}
}
