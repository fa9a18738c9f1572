package dev.weft.examples.informer;

import java.util.HashMap;
import java.util.Map;

/**
 * Buggy: a Kubernetes-operator-style pod cache in a plain {@link HashMap}, written by the event
 * handlers of one informer per watched namespace and read by the status updater, each on its own
 * thread.
 *
 * <p>Informers deliver one namespace's events in order, which makes a single handler look safe;
 * but a multi-namespace operator runs several informers, so their handlers write the map
 * concurrently with each other and with the status updater's iteration. That is the Go operator
 * crash ({@code concurrent map writes} in an {@code UpdateFunc}) and, in Java, lost pods and status
 * counts that match no real state of the cluster. {@link InformerCacheFixed} is the fix.
 */
public final class InformerCache implements PodCache {
  private final Map<String, Pod> pods = new HashMap<>();

  @Override
  public void onAdd(Pod pod) {
    pods.put(pod.key(), pod);
  }

  @Override
  public void onUpdate(Pod pod) {
    pods.put(pod.key(), pod);
  }

  @Override
  public void onDelete(Pod pod) {
    pods.remove(pod.key());
  }

  @Override
  public Summary summarize() {
    int running = 0;
    for (Pod pod : pods.values()) {
      if (pod.phase() == Pod.Phase.RUNNING) running++;
    }
    return new Summary(pods.size(), running);
  }
}
