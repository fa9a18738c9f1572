package dev.weft.internal.runtime;

import dev.weft.internal.diagnosis.InternalErrorFinding;
import dev.weft.internal.failure.ExceptionFailure;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.NotLinearizable;
import dev.weft.internal.linearizability.NotLinearizableError;

/** An exception that escaped the body or a controlled thread, as a typed failure. */
final class ExceptionFinding {
  private ExceptionFinding() {}

  static FailureDetails of(ControlledThread thread, Throwable error) {
    // A linearizability check's verdict carries its own explanation (it is thrown from Weft's
    // code, so it must be recognised before anything that looks like Weft's own failure).
    if (error instanceof NotLinearizableError violation) return new NotLinearizable(violation);
    FailureDetails own = InternalErrorFinding.ofIfInternal(thread.ref(), error);
    if (own != null) return own;
    return new ExceptionFailure(thread.ref(), error);
  }
}
