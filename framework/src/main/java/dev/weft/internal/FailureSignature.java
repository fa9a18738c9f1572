package dev.weft.internal;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.internal.runtime.ExecutionFailure;
import dev.weft.internal.runtime.StackRendering;
import java.util.List;
import java.util.Objects;

/**
 * What makes two failures "the same" while shrinking: the kind, and for a data race the two
 * source locations, for an exception its type and where it was thrown. A shrunk schedule must
 * keep the signature, so the report still describes the bug that was found.
 */
record FailureSignature(Failure.Kind kind, String where) {

  static FailureSignature of(ExecutionFailure failure) {
    return new FailureSignature(failure.kind(), where(failure));
  }

  private static String where(ExecutionFailure failure) {
    switch (failure.kind()) {
      case DATA_RACE:
        List<String> locations = failure.accesses().stream()
            .map(Access::location).map(String::valueOf).sorted().toList();
        return String.join(" / ", locations);
      case EXCEPTION:
        Throwable cause = failure.cause();
        if (cause == null) return failure.summary();
        return cause.getClass().getName() + " at "
            + Objects.toString(StackRendering.firstApplicationFrame(cause.getStackTrace()));
      default:
        return "";
    }
  }
}
