package dev.weft.internal;

import dev.weft.Failure;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.ExceptionFailure;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.StackFrames;
import java.util.List;
import java.util.stream.Stream;

/**
 * What makes two failures "the same" while shrinking: the kind, and for a data race the two
 * source locations, for an exception its type and where it was thrown. A shrunk schedule must
 * keep the signature, so the report still describes the bug that was found.
 */
record FailureSignature(Failure.Kind kind, String where) {

  static FailureSignature of(FailureDetails failure) {
    return new FailureSignature(failure.kind(), where(failure));
  }

  private static String where(FailureDetails failure) {
    if (failure instanceof DataRace race) {
      List<String> locations = Stream.of(race.first(), race.then())
          .map(a -> place(a.where())).sorted().toList();
      return String.join(" / ", locations);
    }
    if (failure instanceof ExceptionFailure e) {
      Throwable cause = e.error();
      return cause.getClass().getName() + " at "
          + place(StackFrames.firstApplicationFrame(cause.getStackTrace()));
    }
    return "";
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
