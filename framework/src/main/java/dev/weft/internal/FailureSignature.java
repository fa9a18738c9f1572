package dev.weft.internal;

import dev.weft.Failure;
import dev.weft.internal.runtime.ExecutionFailure;
import dev.weft.internal.runtime.StackRendering;
import java.util.List;

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
            .map(a -> place(a.location().orElse(null))).sorted().toList();
        return String.join(" / ", locations);
      case EXCEPTION:
        Throwable cause = failure.cause();
        if (cause == null) return failure.summary();
        return cause.getClass().getName() + " at "
            + place(StackRendering.firstApplicationFrame(cause.getStackTrace()));
      default:
        return "";
    }
  }

  /**
   * Class, method, file and line: a frame from a stack walk and the same call site known from
   * the instrumented bytecode differ in class loader and module names, which do not matter here.
   */
  private static String place(StackTraceElement frame) {
    if (frame == null) return "?";
    return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
        + frame.getLineNumber() + ")";
  }
}
