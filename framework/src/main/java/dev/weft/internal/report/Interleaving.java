package dev.weft.internal.report;

import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.Trace;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.TraceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lines of an interleaving, text and HTML alike: every event of the traced execution, folded
 * only when there are more than fit on a screen. The decisive steps are never folded: the
 * failure's own events, every step on an object (or thread) the failure is about, every step that
 * is not routine synchronization, and the last step of each thread. What is folded says what it
 * holds ({@code ... 3 volatile reads of Config.ready}).
 */
final class Interleaving {
  /** Lines a table shows at most: one terminal screen. */
  static final int MAX_LINES = 30;

  /** One line of the table. */
  sealed interface Line {}

  /** One event; {@code decisive} says it is never folded. */
  record Step(TraceRow row, boolean decisive) implements Line {}

  /** Routine steps of one thread in a row, shown as one line saying what they were. */
  record Folded(int thread, List<TraceRow> rows) implements Line {
    /** {@code ... 3 volatile reads of Config.ready}, or {@code ... 5 steps: 3 ..., 2 ...}. */
    String text() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (TraceRow r : rows) counts.merge(kindOf(r.event()), 1, Integer::sum);
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        parts.add(countOf(e.getValue(), e.getKey()));
      }
      return "... " + (parts.size() == 1 ? parts.get(0)
          : rows.size() + " steps: " + String.join(", ", parts));
    }

    /** The line all of them were on, or null. */
    StackTraceElement where() {
      StackTraceElement first = rows.get(0).where();
      for (TraceRow r : rows) {
        if (!Objects.equals(r.where(), first)) return null;
      }
      return first;
    }
  }

  /** Earlier events left out because even folded they would not fit. */
  record Hidden(int events) implements Line {
    String text() {
      return "... " + events + " earlier " + (events == 1 ? "step" : "steps") + " not shown";
    }
  }

  private Interleaving() {}

  /** The lines of a failure's traced execution, with the steps {@link TraceRows} adds. */
  static List<Line> of(Trace trace, FailureDetails details) {
    return of(TraceRows.of(trace.rows(), details), details.subjects(), MAX_LINES);
  }

  static List<Line> of(List<TraceRow> rows, Set<Object> subjects, int maxLines) {
    boolean[] decisive = decisive(rows, subjects);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) lines.add(new Step(rows.get(i), decisive[i]));
    if (lines.size() <= maxLines) return lines;
    lines = foldRoutineRuns(rows, decisive, maxLines);
    if (lines.size() <= maxLines) return lines;
    return hideEarliest(lines, maxLines);
  }

  private static boolean[] decisive(List<TraceRow> rows, Set<Object> subjects) {
    boolean[] decisive = new boolean[rows.size()];
    boolean[] lastSeen = new boolean[threads(rows)];
    for (int i = rows.size() - 1; i >= 0; i--) {
      TraceRow r = rows.get(i);
      Object subject = r.event().subject();
      boolean last = !lastSeen[r.thread()];
      lastSeen[r.thread()] = true;
      decisive[i] = r.marked() || !r.event().minor() || last
          || (subject != null && subjects.contains(subject));
    }
    return decisive;
  }

  private static int threads(List<TraceRow> rows) {
    int n = 0;
    for (TraceRow r : rows) n = Math.max(n, r.thread() + 1);
    return n;
  }

  /** Folds runs of routine steps of one thread, the longest first, until the table fits. */
  private static List<Line> foldRoutineRuns(List<TraceRow> rows, boolean[] decisive,
      int maxLines) {
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      int j = i;
      while (j < rows.size() && !decisive[j] && rows.get(j).thread() == rows.get(i).thread()) j++;
      if (j - i >= 2) runs.add(new int[] {i, j});
      i = Math.max(j, i + 1);
    }
    runs.sort(Comparator.comparingInt((int[] r) -> r[0] - r[1]));
    int count = rows.size();
    boolean[] foldStart = new boolean[rows.size()];
    int[] foldEnd = new int[rows.size()];
    for (int[] run : runs) {
      if (count <= maxLines) break;
      foldStart[run[0]] = true;
      foldEnd[run[0]] = run[1];
      count -= run[1] - run[0] - 1;
    }
    List<Line> lines = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      if (foldStart[k]) {
        lines.add(new Folded(rows.get(k).thread(), rows.subList(k, foldEnd[k])));
        k = foldEnd[k] - 1;
      } else {
        lines.add(new Step(rows.get(k), decisive[k]));
      }
    }
    return lines;
  }

  /**
   * Replaces the earliest blocks of lines that are not decisive with one line each until the
   * table fits; if the decisive lines alone are too many, keeps the last ones, where the failure
   * is.
   */
  private static List<Line> hideEarliest(List<Line> lines, int maxLines) {
    List<Line> out = new ArrayList<>();
    int excess = lines.size() - maxLines;
    int k = 0;
    while (k < lines.size()) {
      if (excess > 0 && !isDecisive(lines.get(k))) {
        int end = k;
        int events = 0;
        while (end < lines.size() && !isDecisive(lines.get(end)) && end - k <= excess) {
          events += events(lines.get(end));
          end++;
        }
        if (end - k >= 2) {
          out.add(new Hidden(events));
          excess -= end - k - 1;
          k = end;
          continue;
        }
      }
      out.add(lines.get(k++));
    }
    if (out.size() <= maxLines) return out;
    int cut = out.size() - (maxLines - 1);
    int hidden = 0;
    for (Line l : out.subList(0, cut)) hidden += events(l);
    List<Line> tail = new ArrayList<>();
    tail.add(new Hidden(hidden));
    tail.addAll(out.subList(cut, out.size()));
    return tail;
  }

  private static boolean isDecisive(Line line) {
    return line instanceof Step s && s.decisive();
  }

  private static int events(Line line) {
    if (line instanceof Folded f) return f.rows().size();
    if (line instanceof Hidden h) return h.events();
    return 1;
  }

  /** What kind of routine step an event is, in words that count: {@code volatile read of X}. */
  private static String kindOf(TraceEvent event) {
    if (event instanceof TraceEvent.VolatileAccess v) {
      return (v.write() ? "volatile write" : "volatile read") + " of " + v.field().qualifiedName();
    }
    if (event instanceof TraceEvent.LibraryCall c) {
      return c.method() == null ? EventText.LIBRARY_CALL : "call of " + EventText.libraryCall(c);
    }
    if (event instanceof TraceEvent.Unparks u) return "unpark of " + Names.threadNumber(u.target());
    if (event instanceof TraceEvent.Parks) return "park";
    return EventText.of(event);
  }

  /** {@code 3 volatile reads of X}: the count and the kind, its first word made plural. */
  private static String countOf(int n, String kind) {
    if (n == 1) return "1 " + kind;
    int space = kind.indexOf(" of ");
    String head = space < 0 ? kind : kind.substring(0, space);
    String tail = space < 0 ? "" : kind.substring(space);
    return n + " " + head + "s" + tail;
  }
}
