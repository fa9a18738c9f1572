package dev.weft.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a trace as a terminal-sized table: one column per thread, one row per event in time
 * order. Runs of minor events fold into "... N steps" rows; long traces keep their end, where the
 * failure is.
 */
final class TraceTable {
  private TraceTable() {}

  static final int MAX_ROWS = 30;
  private static final int LINE_WIDTH = 120;

  static String render(List<TraceEvent> events, List<String> threadNames) {
    if (events.isEmpty()) return "";
    List<TraceEvent> rows = fold(events);
    int hidden = 0;
    if (rows.size() > MAX_ROWS) {
      hidden = rows.size() - (MAX_ROWS - 1);
      rows = rows.subList(hidden, rows.size());
    }
    int columns = threadNames.size();
    int whereWidth = 6;
    for (TraceEvent e : rows) whereWidth = Math.max(whereWidth, e.location().length() + 2);
    whereWidth = Math.min(whereWidth, 34);
    int width = Math.max(16, Math.min(44, (LINE_WIDTH - 4 - whereWidth) / Math.max(1, columns)));
    StringBuilder sb = new StringBuilder();
    sb.append("    ").append(cell("where", whereWidth));
    for (String name : threadNames) sb.append(cell(name, width));
    sb.setLength(trimEnd(sb));
    sb.append('\n');
    if (hidden > 0) sb.append("    ... ").append(hidden).append(" earlier rows\n");
    int previous = -1;
    for (TraceEvent e : rows) {
      sb.append(e.marked() ? " >> " : previous >= 0 && previous != e.thread() ? "  ~ " : "    ");
      sb.append(cell(e.location().equals("?") ? "" : e.location(), whereWidth));
      for (int t = 0; t < columns; t++) {
        sb.append(cell(t == e.thread() ? e.text() : "", width));
      }
      sb.setLength(trimEnd(sb));
      sb.append('\n');
      previous = e.thread();
    }
    sb.append("    (~ marks a switch to another thread, >> the events of the failure)\n");
    return sb.toString();
  }

  /** Folds each run of minor events of one thread into a single row. */
  static List<TraceEvent> fold(List<TraceEvent> events) {
    List<TraceEvent> rows = new ArrayList<>();
    int i = 0;
    while (i < events.size()) {
      TraceEvent e = events.get(i);
      if (!e.minor()) {
        rows.add(e);
        i++;
        continue;
      }
      int j = i;
      while (j < events.size() && events.get(j).minor() && events.get(j).thread() == e.thread()) j++;
      int n = j - i;
      rows.add(n == 1 ? e
          : new TraceEvent(e.thread(), "... " + n + " steps", "?", true, false));
      i = j;
    }
    return rows;
  }

  private static String cell(String text, int width) {
    String t = text.length() > width - 2 ? text.substring(0, width - 3) + "…" : text;
    StringBuilder sb = new StringBuilder(t);
    while (sb.length() < width) sb.append(' ');
    return sb.toString();
  }

  private static int trimEnd(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') end--;
    return end;
  }
}
