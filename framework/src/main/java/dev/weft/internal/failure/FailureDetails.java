package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.Optional;
import java.util.Set;

/**
 * What went wrong in one execution, as typed values: the detection builds one of these and never
 * any text; the report package renders it. A new kind of failure is one record here (and one
 * {@link Failure.Kind}), plus its rendering in the report package.
 */
public sealed interface FailureDetails permits DataRace, Deadlock, ExceptionFailure, Livelock,
    LostControl, WeftInternalError, NotLinearizable {

  Failure.Kind kind();

  /** The exception behind the failure, if one was involved. */
  default Optional<Throwable> cause() {
    return Optional.empty();
  }

  /**
   * The objects (and threads) the failure is about, as the {@link TraceEvent#subject}s of the
   * events that touch them: the interleaving never folds such steps.
   */
  default Set<Object> subjects() {
    return Set.of();
  }
}
