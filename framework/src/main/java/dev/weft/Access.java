package dev.weft;

import dev.weft.internal.report.Names;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One access of a data race: which thread did what, and where. Immutable. */
public final class Access {
  /** What an operation does to the collection. */
  public enum Kind {
    /** Looks at the collection: {@code get}, {@code contains}, {@code size}. */
    READ,
    /** One step of an iterator, spliterator or {@code forEach}. */
    ITERATION,
    /** Changes an element in place, without adding or removing: {@code set}, {@code replace}. */
    WRITE,
    /** May add or remove elements, so the structure itself changes: {@code put}, {@code add}. */
    STRUCTURAL_WRITE;

    /** {@link #WRITE} or {@link #STRUCTURAL_WRITE}. */
    public boolean isWrite() {
      return this == WRITE || this == STRUCTURAL_WRITE;
    }
  }

  private final String threadName;
  private final String operation;
  private final StackTraceElement location;
  private final Kind kind;

  /** Built by the engine only, through {@link ValueFactory}; {@code location} may be null. */
  Access(String threadName, String operation, StackTraceElement location, Kind kind) {
    this.threadName = Objects.requireNonNull(threadName, "threadName");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.location = location;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The thread as Weft names it: {@code T1 (worker-1)}. */
  public String threadName() {
    return threadName;
  }

  /** The operation, such as {@code HashMap.put}. */
  public String operation() {
    return operation;
  }

  /**
   * The first application frame of the access; empty when no frame of its stack belongs to the
   * application.
   */
  public Optional<StackTraceElement> location() {
    return Optional.ofNullable(location);
  }

  /** What the operation does to the collection. */
  public Kind kind() {
    return kind;
  }

  /** Whether the operation changes the collection ({@link Kind#isWrite()}). */
  public boolean isWrite() {
    return kind.isWrite();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Access a && a.threadName.equals(threadName)
        && a.operation.equals(operation) && Objects.equals(a.location, location)
        && a.kind == kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(threadName, operation, location, kind);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + operation + " by "
        + threadName + (location == null ? "" : " at " + Names.where(location));
  }
}
