package dev.weft.internal.runtime;

import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The stacks the traced run behind a race report keeps for every access: the hook's own frames,
 * the collection's or field's, and enough of the caller's to show where it came from.
 */
final class AccessStacks {
  private AccessStacks() {}

  /** Frames kept per access. */
  static final int DEPTH = 40;

  private static final StackWalker FRAMES = StackWalker.getInstance();
  private static final StackWalker CLASSES =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final Function<Stream<StackWalker.StackFrame>, StackTraceElement[]> CAPTURE =
      frames -> frames.limit(DEPTH).map(StackWalker.StackFrame::toStackTraceElement)
          .toArray(StackTraceElement[]::new);
  private static final Function<Stream<StackWalker.StackFrame>, Class<?>> FIRST_OUTSIDE_WEFT =
      frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
          .filter(c -> !c.getName().startsWith("dev.weft.boot.")
              && !c.getName().startsWith("dev.weft.internal."))
          .findFirst().orElse(null);

  /** The calling thread's stack, innermost first. */
  static StackTraceElement[] capture() {
    return FRAMES.walk(CAPTURE);
  }

  /** The class of the innermost frame that is not Weft's: the code making the access. */
  static Class<?> callerClass() {
    return CLASSES.walk(FIRST_OUTSIDE_WEFT);
  }
}
