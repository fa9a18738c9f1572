package dev.weft.examples.lazysingleton;

/**
 * Buggy: the lazy singleton {@code if (instance == null) instance = new AuditLog()} on a plain
 * static field.
 *
 * <p>Two threads can both find the field null and both create a log: the lines the first one
 * wrote go to a log nobody reads. And with nothing ordering the write of the reference and a
 * read of it by another thread, that thread may see the reference before the writes that built
 * the object. {@link HolderAuditLogs} is the fix.
 */
public final class LazyAuditLogs implements AuditLogs {
  private static AuditLog instance;

  @Override
  public AuditLog get() {
    if (instance == null) {
      instance = new AuditLog();
    }
    return instance;
  }

  @Override
  public void reset() {
    instance = null;
  }
}
