package dev.weft.internal.runtime;

/** Renders stacks for humans: application frames in full, Weft's own frames dropped, JDK folded. */
public final class StackRendering {
  private StackRendering() {}

  private static final int MAX_FRAMES = 12;

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

  /** JDK frames shown above the first application frame: where the thread actually is. */
  private static final int TOP_JDK_FRAMES = 4;

  /**
   * Indented {@code at ...} lines. The innermost JDK frames stay visible because they say where a
   * thread blocks; deeper runs of JDK frames fold into one line. A stack without application
   * frames (a pool worker) is shown in full up to a bound.
   */
  public static String render(StackTraceElement[] stack) {
    boolean hasApplicationFrame = firstApplicationFrame(stack) != null;
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    int folded = 0;
    boolean seenApplicationFrame = false;
    int topJdkShown = 0;
    for (StackTraceElement e : stack) {
      if (isWeftFrame(e)) continue;
      if (isTestInfrastructure(e)) break;
      if (isJdkFrame(e)) {
        boolean showIt = hasApplicationFrame
            ? !seenApplicationFrame && topJdkShown++ < TOP_JDK_FRAMES
            : shown < MAX_FRAMES;
        if (!showIt) {
          folded++;
          continue;
        }
      } else {
        seenApplicationFrame = true;
      }
      if (folded > 0) {
        appendFolded(sb, folded);
        folded = 0;
      }
      if (shown++ == MAX_FRAMES) {
        sb.append("        ...\n");
        return sb.toString();
      }
      sb.append("        at ").append(e).append('\n');
    }
    if (folded > 0) appendFolded(sb, folded);
    return sb.toString();
  }

  private static void appendFolded(StringBuilder sb, int folded) {
    sb.append("        ... ").append(folded).append(" JDK frame").append(folded > 1 ? "s" : "")
        .append('\n');
  }
}
