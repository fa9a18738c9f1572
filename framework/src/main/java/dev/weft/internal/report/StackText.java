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
        seenApplicationFrame = true;
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

  private static void appendFolded(StringBuilder sb, int folded) {
    sb.append(INDENT).append("... ").append(folded).append(" JDK frame")
        .append(folded > 1 ? "s" : "").append('\n');
  }
}
