package dev.weft;

import java.util.Objects;

/** One access of a data race: which thread did what, and where. Immutable. */
public final class Access {
  private final String threadName;
  private final String operation;
  private final StackTraceElement location;
  private final boolean write;

  public Access(String threadName, String operation, StackTraceElement location, boolean write) {
    this.threadName = Objects.requireNonNull(threadName, "threadName");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.location = location;
    this.write = write;
  }

  /** The thread as Weft names it: {@code T1 (worker-1)}. */
  public String threadName() {
    return threadName;
  }

  /** The operation, such as {@code HashMap.put}. */
  public String operation() {
    return operation;
  }

  /** The first application frame of the access, or null when none is known. */
  public StackTraceElement location() {
    return location;
  }

  public boolean isWrite() {
    return write;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Access a && a.threadName.equals(threadName)
        && a.operation.equals(operation) && Objects.equals(a.location, location)
        && a.write == write;
  }

  @Override
  public int hashCode() {
    return Objects.hash(threadName, operation, location, write);
  }

  @Override
  public String toString() {
    return (write ? "write " : "read ") + operation + " by " + threadName
        + (location == null ? "" : " at " + location.getFileName() + ":" + location.getLineNumber());
  }
}
