package dev.weft.examples.nestedmap;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Buggy: the outer map is a {@link ConcurrentHashMap}, but each tenant's counters are a plain
 * {@link HashMap} stored in it as the value.
 *
 * <p>The outer map's guarantees end where its methods return: {@code computeIfAbsent} safely
 * creates one inner map per tenant, and then hands the same inner {@code HashMap} to every
 * request of that tenant, which update it with no synchronization at all. "It's in a
 * ConcurrentHashMap" reads like thread safety in review, which is why this bug is common.
 * {@link TenantMetricsFixed} is the fix.
 */
public final class TenantMetrics implements TenantCounters {
  private final ConcurrentMap<String, Map<String, Long>> byTenant = new ConcurrentHashMap<>();

  @Override
  public void increment(String tenant, String metric) {
    byTenant.computeIfAbsent(tenant, t -> new HashMap<>()).merge(metric, 1L, Long::sum);
  }

  @Override
  public long count(String tenant, String metric) {
    return byTenant.getOrDefault(tenant, Map.of()).getOrDefault(metric, 0L);
  }
}
