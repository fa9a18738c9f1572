package dev.weft.internal.report;

import dev.weft.internal.linearizability.Call;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A history of calls in words: a call ({@code pop() = 2}), and the whole history as a table with
 * one column per thread that made calls and one row per call in the order the calls started.
 * Below a call, {@code |} marks the rows that started while it was still running, so overlapping
 * calls are visible at a glance; {@code *} marks the calls that cannot be ordered. The HTML page
 * shows the same table ({@link HtmlPage}).
 */
public final class HistoryText {
  private HistoryText() {}

  private static final int MAX_CELL = 44;
  private static final String INDENT = "    ";

  /** {@code push(2)}: the call without its outcome. */
  static String invocation(Call call) {
    return call.name() + "(" + (call.argument() == null ? "" : call.argument()) + ")";
  }

  /** {@code = 1} or {@code throws NoSuchElementException}, to follow a call. */
  static String outcome(Outcome outcome) {
    return outcome.threw() ? "throws " + outcome.exception().getSimpleName()
        : "= " + Values.render(outcome.value());
  }

  /** {@code pop() = 2}: the call and what it returned. */
  static String call(Call call) {
    return invocation(call) + " " + outcome(call.outcome());
  }

  /** {@code caller-1 incrementAndGet() = 1}. */
  static String call(History history, int id) {
    Call c = history.call(id);
    return History.threadName(c.thread()) + " " + call(c);
  }

  /** The threads that made calls, in order: the table's columns. */
  static List<Integer> columns(History history) {
    boolean[] madeCalls = new boolean[history.threads()];
    for (Call c : history.calls()) madeCalls[c.thread()] = true;
    List<Integer> columns = new ArrayList<>();
    for (int t = 0; t < history.threads(); t++) {
      if (madeCalls[t]) columns.add(t);
    }
    return columns;
  }

  /** Whether a call of {@code thread} started before position {@code at} and had not ended. */
  static boolean running(History history, int thread, int at) {
    for (Call c : history.calls()) {
      if (c.thread() == thread && c.start() < at && c.end() > at) return true;
    }
    return false;
  }

  /** The table; {@code marked} holds the ids of the calls to flag with {@code *}. */
  public static String render(History history, Set<Integer> marked) {
    List<Integer> columns = columns(history);
    int[] columnOf = new int[history.threads()];
    for (int k = 0; k < columns.size(); k++) columnOf[columns.get(k)] = k;
    String[][] cells = new String[history.size()][columns.size()];
    int[] width = new int[columns.size()];
    for (int k = 0; k < columns.size(); k++) width[k] = History.threadName(columns.get(k)).length();
    for (int row = 0; row < history.size(); row++) {
      Call started = history.call(row);
      for (int k = 0; k < columns.size(); k++) {
        cells[row][k] = running(history, columns.get(k), started.start()) ? "  |" : "";
      }
      String mark = marked.contains(row) ? "* " : "  ";
      cells[row][columnOf[started.thread()]] = mark + clip(call(started));
    }
    for (String[] line : cells) {
      for (int k = 0; k < line.length; k++) width[k] = Math.max(width[k], line[k].length());
    }
    StringBuilder sb = new StringBuilder();
    StringBuilder header = new StringBuilder(INDENT);
    for (int k = 0; k < columns.size(); k++) {
      header.append(pad("  " + History.threadName(columns.get(k)), width[k] + 4));
    }
    sb.append(trimEnd(header)).append('\n');
    for (String[] line : cells) {
      StringBuilder row = new StringBuilder(INDENT);
      for (int k = 0; k < line.length; k++) row.append(pad(line[k], width[k] + 4));
      sb.append(trimEnd(row)).append('\n');
    }
    return sb.toString();
  }

  private static String clip(String s) {
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 3) + "...";
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) sb.append(' ');
    return sb.toString();
  }

  private static String trimEnd(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') end--;
    return sb.substring(0, end);
  }
}
