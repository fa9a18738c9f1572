package dev.weft.internal.linearizability;

import dev.weft.Failure;
import dev.weft.internal.runtime.ExecutionFailure;
import java.util.List;

/**
 * Thrown by {@code Linearizability.check()} when no sequential order explains the history. It is
 * an {@link AssertionError}, like a failed assertion in the body; the runtime reports it as
 * {@link Failure.Kind#NOT_LINEARIZABLE} through {@link #executionFailure()}, and the failure's
 * cause is this error, whose {@link #violation()} a renderer can use.
 */
public final class NotLinearizableError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient Violation violation;

  public NotLinearizableError(Violation violation) {
    super(ViolationReport.summary(violation));
    this.violation = violation;
  }

  /** The history and its explanation. */
  public Violation violation() {
    return violation;
  }

  /** The failure as the runtime reports it. */
  public ExecutionFailure executionFailure() {
    return new ExecutionFailure(Failure.Kind.NOT_LINEARIZABLE, getMessage(),
        ViolationReport.details(violation), this, List.of());
  }
}
