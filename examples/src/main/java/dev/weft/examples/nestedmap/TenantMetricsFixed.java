package dev.weft.examples.nestedmap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed {@link TenantMetrics}: the inner maps are {@link ConcurrentHashMap}s too, created by the
 * outer {@code computeIfAbsent} and updated with their own atomic {@code merge}.
 *
 * <p>Every map two threads can reach is now a concurrent one, so each level is safe on its own:
 * {@code computeIfAbsent} guarantees that all requests of a tenant get the same inner map, and
 * {@code merge} makes each increment one atomic step on it. The alternative, when the inner values
 * must stay plain maps, is {@code byTenant.compute(tenant, ...)} returning a new immutable map
 * each time: then no thread ever writes a map another thread holds.
 */
public final class TenantMetricsFixed implements TenantCounters {
  private final ConcurrentMap<String, ConcurrentMap<String, Long>> byTenant =
      new ConcurrentHashMap<>();

  @Override
  public void increment(String tenant, String metric) {
    byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).merge(metric, 1L, Long::sum);
  }

  @Override
  public long count(String tenant, String metric) {
    Map<String, Long> counters = byTenant.get(tenant);
    return counters == null ? 0L : counters.getOrDefault(metric, 0L);
  }
}
