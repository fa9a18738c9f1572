package dev.weft.internal.runtime;

/** Renders stacks for humans: application frames in full, Weft's own frames dropped, JDK folded. */
public final class StackRendering {
  private StackRendering() {}

  private static final int MAX_FRAMES = 12;

  public static boolean isWeftFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("dev.weft.internal.") || c.startsWith("dev.weft.boot.")
        || (c.equals("java.lang.Thread") && e.getMethodName().equals("getStackTrace"));
  }

  public static boolean isJdkFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
        || c.startsWith("javax.");
  }

  /** The first frame that is neither Weft's nor the JDK's, or null. */
  public static StackTraceElement firstApplicationFrame(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      if (!isWeftFrame(e) && !isJdkFrame(e) && !isTestInfrastructure(e)) return e;
    }
    return null;
  }

  static boolean isTestInfrastructure(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("org.junit.") || c.startsWith("dev.weft.junit.RaceTest")
        || c.startsWith("org.apache.maven.surefire.");
  }

  /** {@code File.java:12}, or {@code ?}. */
  public static String shortLocation(StackTraceElement e) {
    if (e == null) return "?";
    return (e.getFileName() == null ? e.getClassName() : e.getFileName()) + ":"
        + e.getLineNumber();
  }

  /** Indented {@code at ...} lines; consecutive JDK frames fold into one line. */
  public static String render(StackTraceElement[] stack) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    int folded = 0;
    for (StackTraceElement e : stack) {
      if (isWeftFrame(e)) continue;
      if (isTestInfrastructure(e)) break;
      if (isJdkFrame(e)) {
        folded++;
        continue;
      }
      if (folded > 0) {
        sb.append("        ... ").append(folded).append(" JDK frame").append(folded > 1 ? "s" : "")
            .append('\n');
        folded = 0;
      }
      if (shown++ == MAX_FRAMES) {
        sb.append("        ...\n");
        break;
      }
      sb.append("        at ").append(e).append('\n');
    }
    if (folded > 0 && shown == 0) {
      sb.append("        ... ").append(folded).append(" JDK frames\n");
    }
    return sb.toString();
  }
}
