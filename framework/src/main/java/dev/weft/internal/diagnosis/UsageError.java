package dev.weft.internal.diagnosis;

/**
 * Weft was used in a way it cannot work with (a supplier that returns null, a check outside an
 * execution, a history too large to decide). Thrown from Weft's own code, yet the user's to fix:
 * {@link InternalErrors} never takes it for Weft's failure, and its message says what to change.
 */
public final class UsageError extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UsageError(String message) {
    super(message);
  }

  public UsageError(String message, Throwable cause) {
    super(message, cause);
  }
}
