package dev.weft;

import java.util.Objects;

/**
 * A class that Weft could not instrument and that ran during an exploration: its monitors, waits
 * and calls were invisible to the scheduler, so no race through it is reported and its blocking
 * is not modelled. Immutable; built by Weft only.
 */
public final class UncontrolledClass {
  private final String className;
  private final String reason;

  /** Built by the engine only, through {@link ValueFactory}. */
  UncontrolledClass(String className, String reason) {
    this.className = Objects.requireNonNull(className, "className");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The binary name of the class, {@code com.example.Pool$Entry}. */
  public String className() {
    return className;
  }

  /** Why Weft could not instrument it: the error, in one line. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UncontrolledClass u && u.className.equals(className)
        && u.reason.equals(reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(className, reason);
  }

  @Override
  public String toString() {
    return className + " (" + reason + ")";
  }
}
