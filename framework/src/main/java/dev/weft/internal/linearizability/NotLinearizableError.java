package dev.weft.internal.linearizability;

import dev.weft.Failure;

/**
 * Thrown by {@code Linearizability.check()} when no sequential order explains the history. It is
 * an {@link AssertionError}, like a failed assertion in the body; the runtime reports it as
 * {@link Failure.Kind#NOT_LINEARIZABLE}, and the failure's cause is this error, whose {@link
 * #violation()} the report renders.
 */
public final class NotLinearizableError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient Violation violation;

  public NotLinearizableError(Violation violation) {
    super("no sequential order explains this history of " + violation.history().objectType()
        + "'s calls (checked at " + violation.checkedAt() + ")");
    this.violation = violation;
  }

  /** The history and its explanation. */
  public Violation violation() {
    return violation;
  }
}
