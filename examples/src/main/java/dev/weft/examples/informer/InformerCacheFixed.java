package dev.weft.examples.informer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Fixed {@link InformerCache}: the map stays a {@link HashMap}, but only ever under a
 * {@link ReentrantReadWriteLock}: event handlers write under the write lock, the status updater
 * summarizes under the read lock.
 *
 * <p>The lock makes each handler's update happen-before whatever runs under the lock next, and it
 * keeps writers out for the whole summary, so the pod count and the running count come from the
 * same instant. A {@code ConcurrentHashMap} would stop the corruption but not that: its iteration
 * can count a pod that was deleted half-way through. Pods are immutable records, so what the
 * cache hands out can never be changed behind the lock's back.
 */
public final class InformerCacheFixed implements PodCache {
  private final Map<String, Pod> pods = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public void onAdd(Pod pod) {
    lock.writeLock().lock();
    try {
      pods.put(pod.key(), pod);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void onUpdate(Pod pod) {
    onAdd(pod);
  }

  @Override
  public void onDelete(Pod pod) {
    lock.writeLock().lock();
    try {
      pods.remove(pod.key());
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Summary summarize() {
    lock.readLock().lock();
    try {
      int running = 0;
      for (Pod pod : pods.values()) {
        if (pod.phase() == Pod.Phase.RUNNING) running++;
      }
      return new Summary(pods.size(), running);
    } finally {
      lock.readLock().unlock();
    }
  }
}
