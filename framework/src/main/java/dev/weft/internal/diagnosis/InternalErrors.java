package dev.weft.internal.diagnosis;

import dev.weft.internal.agent.TransformedClasses;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Weft's own failures from the program's. A program run under Weft must fail only where it
 * fails without Weft; two kinds of throwable cannot:
 *
 * <ul>
 *   <li>a {@link VerifyError} or {@link ClassFormatError} about a class whose bytes Weft changed
 *       (the class as compiled loaded without Weft), or any {@link LinkageError} of that kind or
 *       an {@link IncompatibleClassChangeError} about Weft's own classes;
 *   <li>a throwable raised by Weft's own code: its innermost frame is in {@code dev.weft.boot} or
 *       {@code dev.weft.internal}, or the innermost frame that is not the JDK's is in {@code
 *       dev.weft.internal} (the runtime called the JDK and that failed).
 * </ul>
 *
 * <p>The hooks stand in for JVM operations, so some throwables they raise are the program's: the
 * {@link InterruptedException} of an interrupted wait, the {@link IllegalMonitorStateException} of
 * a {@code notify} without the lock, the {@link IllegalArgumentException} of a negative timeout, a
 * {@link NullPointerException} thrown by the JDK for the program's null, and a {@link
 * VirtualMachineError} such as the stack overflow of a deep recursion, which may strike inside a
 * hook. Those stay the program's. The causes of a throwable are examined too: a library may wrap
 * what it caught.
 */
public final class InternalErrors {
  private InternalErrors() {}

  private static final int MAX_CAUSES = 16;
  private static final Pattern CLASS_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(?:[./][A-Za-z_$][\\w$]*)+");

  /** Whether {@code error} or one of its causes is Weft's failure, not the program's. */
  public static boolean isWeftsOwn(Throwable error) {
    return culprit(error, TransformedClasses::contains) != null;
  }

  /** The throwable in {@code error}'s cause chain that is Weft's failure, or null. */
  public static Throwable culprit(Throwable error) {
    return culprit(error, TransformedClasses::contains);
  }

  /** As {@link #culprit(Throwable)}, with the set of transformed classes given (for tests). */
  static Throwable culprit(Throwable error, Predicate<String> transformed) {
    Throwable t = error;
    for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
      if (isOwnLinkageError(t, transformed) || isThrownByWeft(t)) return t;
      if (t.getCause() == t) break;
    }
    return null;
  }

  /**
   * A class Weft transformed that fails verification or does not parse, or a link to one of
   * Weft's classes that fails. A {@code NoSuchMethodError} between two application classes is the
   * program's (a version mismatch), although Weft transformed both.
   */
  private static boolean isOwnLinkageError(Throwable t, Predicate<String> transformed) {
    boolean brokenClass = t instanceof VerifyError || t instanceof ClassFormatError;
    if (!brokenClass && !(t instanceof IncompatibleClassChangeError)) return false;
    String message = t.getMessage();
    if (message != null) {
      Matcher m = CLASS_NAME.matcher(message);
      while (m.find()) {
        // "a/b/C.method" names a method: try "a/b/C.method", then "a/b/C", ...
        for (String name = m.group(); name.indexOf('.') > 0 || name.indexOf('/') > 0;
            name = name.substring(0, Math.max(name.lastIndexOf('.'), name.lastIndexOf('/')))) {
          if (isWeftClass(name.replace('/', '.')) || (brokenClass && transformed.test(name))) {
            return true;
          }
        }
      }
    }
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length > 0 && isWeftClass(stack[0].getClassName());
  }

  private static boolean isThrownByWeft(Throwable t) {
    if (isTheProgramsThroughAHook(t)) return false;
    StackTraceElement[] stack = t.getStackTrace();
    if (stack.length == 0) return false;
    if (isWeftClass(stack[0].getClassName())) return true;
    if (t instanceof NullPointerException) return false;
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if (isJdkClass(c)) continue;
      // The boot hooks make the original JDK call for the program: what that throws is its own.
      return c.startsWith("dev.weft.internal.");
    }
    return false;
  }

  private static boolean isTheProgramsThroughAHook(Throwable t) {
    return t instanceof InterruptedException || t instanceof IllegalMonitorStateException
        || t instanceof IllegalArgumentException || t instanceof VirtualMachineError
        || t instanceof UsageError
        || t.getClass().getName().equals("dev.weft.boot.ExecutionAborted");
  }

  private static boolean isWeftClass(String binaryName) {
    return binaryName.startsWith("dev.weft.internal.") || binaryName.startsWith("dev.weft.boot.");
  }

  private static boolean isJdkClass(String c) {
    return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
        || c.startsWith("javax.");
  }
}
