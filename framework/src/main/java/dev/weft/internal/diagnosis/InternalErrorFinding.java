package dev.weft.internal.diagnosis;

import dev.weft.internal.failure.ThreadRef;
import dev.weft.internal.failure.WeftInternalError;

/** A failure that is Weft's, not the program's (see {@link InternalErrors}), as a typed failure. */
public final class InternalErrorFinding {
  private InternalErrorFinding() {}

  /** The internal error for {@code error} thrown in {@code thread}, or null if it is not one. */
  public static WeftInternalError ofIfInternal(ThreadRef thread, Throwable error) {
    Throwable culprit = InternalErrors.culprit(error);
    return culprit == null ? null : new WeftInternalError(thread, error, culprit);
  }
}
