package dev.weft.examples.lazysingleton;

/** The process-wide audit log, created on first use. */
public final class AuditLog {
  private final StringBuilder lines = new StringBuilder();

  synchronized void append(String line) {
    lines.append(line).append('\n');
  }

  synchronized String text() {
    return lines.toString();
  }
}
