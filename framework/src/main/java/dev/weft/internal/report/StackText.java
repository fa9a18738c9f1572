package dev.weft.internal.report;

import dev.weft.internal.failure.StackFrames;
import java.util.Arrays;
import java.util.List;

/** Renders stacks for humans: application frames in full, Weft's own frames dropped, JDK folded. */
final class StackText {
  private StackText() {}

  private static final int MAX_FRAMES = 12;
  /** JDK frames shown above the first application frame: where the thread actually is. */
  private static final int TOP_JDK_FRAMES = 4;
  private static final String INDENT = "        ";

  static String render(StackTraceElement[] stack) {
    return render(Arrays.asList(stack));
  }

  /**
   * Indented {@code at ...} lines. The innermost JDK frames stay visible because they say where a
   * thread blocks; deeper runs of JDK frames fold into one line. A stack without application
   * frames (a pool worker) is shown in full up to a bound.
   */
  static String render(List<StackTraceElement> stack) {
    return render(stack, null);
  }

  /**
   * As {@link #render(List)}, for a thread blocked entering a synchronized method, {@code at}
   * where it blocked: that frame has no line (the monitor is taken before the method's first
   * line), so it is named as the synchronized method, at the line {@code at} gives when it is the
   * same method.
   */
  static String render(List<StackTraceElement> stack, StackTraceElement enteringAt) {
    boolean hasApplicationFrame = StackFrames.firstApplicationFrame(stack) != null;
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    int folded = 0;
    boolean seenApplicationFrame = false;
    int topJdkShown = 0;
    for (StackTraceElement e : stack) {
      if (StackFrames.isWeftFrame(e)) continue;
      if (StackFrames.isTestInfrastructure(e)) break;
      if (StackFrames.isJdkFrame(e)) {
        boolean showIt = hasApplicationFrame
            ? !seenApplicationFrame && topJdkShown++ < TOP_JDK_FRAMES
            : shown < MAX_FRAMES;
        if (!showIt) {
          folded++;
          continue;
        }
      } else {
        boolean entering = enteringAt != null && !seenApplicationFrame;
        seenApplicationFrame = true;
        if (entering && e.getLineNumber() < 0 && !e.isNativeMethod()) {
          if (folded > 0) {
            appendFolded(sb, folded);
            folded = 0;
          }
          shown++;
          sb.append(INDENT).append("at ").append(Names.frame(withLineOf(e, enteringAt)))
              .append(" (synchronized method)\n");
          continue;
        }
      }
      if (folded > 0) {
        appendFolded(sb, folded);
        folded = 0;
      }
      if (shown++ == MAX_FRAMES) {
        sb.append(INDENT).append("...\n");
        return sb.toString();
      }
      sb.append(INDENT).append("at ").append(Names.frame(e)).append('\n');
    }
    if (folded > 0) appendFolded(sb, folded);
    return sb.toString();
  }

  private static StackTraceElement withLineOf(StackTraceElement e, StackTraceElement at) {
    boolean same = at.getLineNumber() >= 0 && e.getClassName().equals(at.getClassName())
        && e.getMethodName().equals(at.getMethodName());
    return same ? new StackTraceElement(e.getClassName(), e.getMethodName(), e.getFileName(),
        at.getLineNumber()) : e;
  }

  private static void appendFolded(StringBuilder sb, int folded) {
    sb.append(INDENT).append("... ").append(folded).append(" JDK frame")
        .append(folded > 1 ? "s" : "").append('\n');
  }
}
