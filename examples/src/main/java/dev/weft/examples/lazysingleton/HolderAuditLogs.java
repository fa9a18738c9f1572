package dev.weft.examples.lazysingleton;

/**
 * Fixed: the holder idiom. The JVM initializes the nested class once, on first use, and every
 * thread that uses it sees the fully built instance. Nothing to reset: there is only one log.
 */
public final class HolderAuditLogs implements AuditLogs {
  private static final class Holder {
    static final AuditLog INSTANCE = new AuditLog();
  }

  @Override
  public AuditLog get() {
    return Holder.INSTANCE;
  }

  @Override
  public void reset() {
    // The holder's instance lives as long as the class: every execution shares it.
  }
}
