package dev.weft.internal.failure;

import java.util.Arrays;
import java.util.List;

/**
 * Tells the frames of a stack apart: Weft's own, the JDK's, test infrastructure, and the
 * application's, which are the ones a report points at.
 */
public final class StackFrames {
  private StackFrames() {}

  public static boolean isWeftFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("dev.weft.internal.") || c.startsWith("dev.weft.boot.")
        || c.equals("dev.weft.Linearizability")
        || (c.equals("java.lang.Thread") && e.getMethodName().equals("getStackTrace"))
        || e.getMethodName().startsWith("weft$"); // helpers the agent adds to application classes
  }

  public static boolean isJdkFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
        || c.startsWith("javax.");
  }

  public static boolean isTestInfrastructure(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("org.junit.") || c.startsWith("dev.weft.junit.RaceTest")
        || c.startsWith("org.apache.maven.surefire.");
  }

  /** The first frame that is neither Weft's nor the JDK's nor test infrastructure, or null. */
  public static StackTraceElement firstApplicationFrame(List<StackTraceElement> stack) {
    for (StackTraceElement e : stack) {
      if (!isWeftFrame(e) && !isJdkFrame(e) && !isTestInfrastructure(e)) return e;
    }
    return null;
  }

  public static StackTraceElement firstApplicationFrame(StackTraceElement[] stack) {
    return firstApplicationFrame(Arrays.asList(stack));
  }

  /**
   * The stack from the program's point of view: without what Weft's scheduling put on top of it.
   * A thread that waits for its turn sits in Weft's code, parked below the hook the program
   * called ({@code Unsafe.park}, {@code LockSupport.park}, then Weft's frames); the thread that
   * found the failure sits in Weft's code too ({@code Thread.getStackTrace}, then Weft's
   * frames). Either way the program's stack starts below the topmost run of Weft's frames, so
   * every thread's stack starts at the operation the program made.
   */
  public static List<StackTraceElement> ofTheProgram(StackTraceElement[] stack) {
    int i = 0;
    while (i < stack.length && isJdkFrame(stack[i]) && !isWeftFrame(stack[i])) i++;
    int j = i;
    while (j < stack.length && isWeftFrame(stack[j])) j++;
    return List.of(Arrays.copyOfRange(stack, j > i ? j : 0, stack.length));
  }
}
