package dev.weft.internal.failure;

import java.util.Objects;

/**
 * One event of a traced execution.
 *
 * @param thread the thread's number ({@link ThreadRef#id})
 * @param event what it did
 * @param where the application line, or null when unknown
 * @param marked whether it is one of the failure's own events (a racing access, the throw, where a
 *     deadlocked thread waits)
 */
public record TraceRow(int thread, TraceEvent event, StackTraceElement where, boolean marked) {

  public TraceRow {
    Objects.requireNonNull(event, "event");
  }

  TraceRow asMarked() {
    return new TraceRow(thread, event, where, true);
  }
}
