package dev.weft.examples.nestedmap;

/** Per-tenant usage counters of a multi-tenant service, incremented by every request thread. */
public interface TenantCounters {
  /** Counts one occurrence of {@code metric} for {@code tenant}. */
  void increment(String tenant, String metric);

  /** The count of {@code metric} for {@code tenant} so far. */
  long count(String tenant, String metric);
}
