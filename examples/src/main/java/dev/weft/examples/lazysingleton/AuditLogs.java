package dev.weft.examples.lazysingleton;

/** Where code gets the one {@link AuditLog}; the scenario resets it between executions. */
public interface AuditLogs {
  AuditLog get();

  /** Forgets the instance, so that each execution starts before the first use. */
  void reset();
}
