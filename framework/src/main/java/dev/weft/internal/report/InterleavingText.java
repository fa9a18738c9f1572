package dev.weft.internal.report;

import dev.weft.internal.failure.ThreadRef;
import java.util.List;

/**
 * The interleaving as a plain-text table: one column per thread, one line per {@link
 * Interleaving.Line} in time order. {@code ~} marks a switch to another thread, {@code >>} the
 * failure's own events. Columns are as wide as their cells, within a wide terminal's width; the
 * {@code where} column is never narrower than its longest file and line, which are never cut.
 */
final class InterleavingText {
  private InterleavingText() {}

  static final String LEGEND = "(~ marks a switch to another thread, >> the events of the failure)";

  private static final int LINE_WIDTH = 160;
  private static final int MIN_COLUMN = 16;
  private static final int MAX_COLUMN = 60;
  private static final int MAX_WHERE = 34;
  private static final String INDENT = "    ";

  static String render(List<Interleaving.Line> lines, List<ThreadRef> threads) {
    if (lines.isEmpty()) return "";
    int columns = threads.size();
    int whereWidth = 7;
    int fileLineWidth = 0;
    int[] width = new int[columns];
    for (int t = 0; t < columns; t++) width[t] = Names.thread(threads.get(t)).length() + 2;
    for (Interleaving.Line line : lines) {
      whereWidth = Math.max(whereWidth, where(line).length() + 2);
      if (isFileLine(whereOf(line))) fileLineWidth = Math.max(fileLineWidth, where(line).length() + 2);
      int t = thread(line);
      if (t >= 0 && t < columns) width[t] = Math.max(width[t], text(line).length() + 2);
    }
    // A file:line is never cut, however long: a method named in its place may be shortened.
    whereWidth = Math.max(Math.min(whereWidth, MAX_WHERE), fileLineWidth);
    fit(width, LINE_WIDTH - INDENT.length() - whereWidth);
    StringBuilder sb = new StringBuilder();
    sb.append(INDENT).append(cell("where", whereWidth));
    for (int t = 0; t < columns; t++) sb.append(cell(Names.thread(threads.get(t)), width[t]));
    endLine(sb);
    int previous = -1;
    for (Interleaving.Line line : lines) {
      if (line instanceof Interleaving.Hidden h) {
        sb.append(INDENT).append(h.text());
        endLine(sb);
        previous = -1;
        continue;
      }
      int t = thread(line);
      boolean marked = line instanceof Interleaving.Step s && s.row().marked();
      sb.append(marked ? " >> " : previous >= 0 && previous != t ? "  ~ " : INDENT);
      sb.append(whereCell(line, whereWidth));
      for (int c = 0; c < columns; c++) sb.append(cell(c == t ? text(line) : "", width[c]));
      endLine(sb);
      previous = t;
    }
    sb.append(INDENT).append(LEGEND).append('\n');
    return sb.toString();
  }

  /** Narrows the widest columns until they fit {@code budget}, none below the minimum. */
  private static void fit(int[] width, int budget) {
    for (int t = 0; t < width.length; t++) width[t] = Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, width[t]));
    while (sum(width) > budget) {
      int widest = 0;
      for (int t = 1; t < width.length; t++) if (width[t] > width[widest]) widest = t;
      if (width[widest] <= MIN_COLUMN) return;
      width[widest]--;
    }
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) s += v;
    return s;
  }

  static int thread(Interleaving.Line line) {
    if (line instanceof Interleaving.Step s) return s.row().thread();
    if (line instanceof Interleaving.Folded f) return f.thread();
    return -1;
  }

  static String text(Interleaving.Line line) {
    if (line instanceof Interleaving.Step s) return EventText.of(s.row().event());
    if (line instanceof Interleaving.Folded f) return f.text();
    return ((Interleaving.Hidden) line).text();
  }

  static String where(Interleaving.Line line) {
    StackTraceElement where = whereOf(line);
    return where == null ? "" : Names.where(where);
  }

  private static StackTraceElement whereOf(Interleaving.Line line) {
    return line instanceof Interleaving.Step s ? s.row().where()
        : line instanceof Interleaving.Folded f ? f.where() : null;
  }

  private static boolean isFileLine(StackTraceElement e) {
    return e != null && e.getFileName() != null && e.getLineNumber() >= 0;
  }

  /**
   * The where cell: a file:line in full (the column is as wide as the longest); a place named
   * by its class and method ({@code JobQueue.take}) keeps its class and loses the end of the
   * method's name when it does not fit.
   */
  private static String whereCell(Interleaving.Line line, int width) {
    String text = where(line);
    int room = width - 2;
    if (text.length() > room && !isFileLine(whereOf(line))) {
      int dot = text.lastIndexOf('.');
      text = dot >= 0 && dot + 2 < room ? text.substring(0, room - 1) + "…" : text;
    }
    return cell(text, width);
  }

  /**
   * The text padded to the column, or cut in the middle when too long: the end of a cell is the
   * object's identity ({@code ...WriteLock@51b0c613}), which tells the rows apart.
   */
  private static String cell(String text, int width) {
    int room = width - 2;
    String t = text;
    if (text.length() > room) {
      int tail = Math.min(18, (room - 1) / 2);
      t = text.substring(0, room - 1 - tail) + "…" + text.substring(text.length() - tail);
    }
    StringBuilder sb = new StringBuilder(t);
    while (sb.length() < width) sb.append(' ');
    return sb.toString();
  }

  private static void endLine(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') end--;
    sb.setLength(end);
    sb.append('\n');
  }
}
