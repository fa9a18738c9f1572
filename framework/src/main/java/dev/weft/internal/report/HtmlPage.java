package dev.weft.internal.report;

import dev.weft.internal.failure.NotLinearizable;
import dev.weft.internal.failure.ThreadRef;
import dev.weft.internal.failure.TraceRow;
import dev.weft.internal.linearizability.Call;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A failure as one self-contained HTML page: no external resources and no script, every text
 * that comes from the program (thread names, keys, messages, stacks) escaped. A swimlane of the
 * interleaving (one lane per thread; the failure's own events highlighted, each linking to the
 * part of the report about it), for a non-linearizable history the calls per thread with their
 * overlaps, and the text report, which wraps to the window (its interleaving is the lanes: a
 * table as wide as a terminal would not fit a narrow window). A highlighted event links only to a
 * part the report has, so no link jumps to the top instead.
 */
final class HtmlPage {
  private HtmlPage() {}

  /** The anchor of the interleaving's part of the report, which the lanes show instead. */
  private static final String INTERLEAVING = "interleaving";

  static String render(Report report, String replayCommand) {
    Report.Outcome outcome = report.outcome();
    StringBuilder h = new StringBuilder(16384);
    String kind = kind(outcome);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Weft: ").append(Html.escape(kind)).append("</title>\n<style>")
        .append(STYLE).append("</style></head>\n<body>\n");
    h.append("<header><span class=\"kind\">").append(Html.escape(kind)).append("</span><h1>")
        .append(Html.escape(summary(outcome))).append("</h1></header>\n");
    if (outcome instanceof Report.Failed f) {
      h.append("<p class=\"found\">").append(Html.escape(ReportText.foundLine(report, f)))
          .append("</p>\n");
    }
    String notControlled = ReportText.notControlled(report.uncontrolled());
    if (!notControlled.isEmpty()) {
      h.append("<p class=\"uncontrolled\">").append(Html.escape(notControlled)).append("</p>\n");
    }
    report.commonPoolNote().ifPresent(note -> h.append("<p class=\"uncontrolled\">")
        .append(Html.escape(note)).append("</p>\n"));
    h.append("<section class=\"replay\"><code id=\"replay\">").append(Html.escape(replayCommand))
        .append("</code> <button type=\"button\" onclick=\"navigator.clipboard.writeText(")
        .append("document.getElementById('replay').textContent)\">Copy</button></section>\n");
    if (outcome instanceof Report.Failed f) {
      if (f.details() instanceof NotLinearizable n) history(h, n.violation());
      List<Paragraph> parts = ReportText.parts(report, f);
      Set<String> anchors = new HashSet<>();
      for (Paragraph p : parts) {
        if (p.anchor() != null) anchors.add(p.anchor());
      }
      lanes(h, f, anchors);
      h.append("<section id=\"report\"><h2>Report</h2><pre>");
      for (Paragraph p : parts) {
        if (p.anchor() == null) {
          h.append(Html.escape(p.text()));
        } else if (p.anchor().equals(INTERLEAVING)) {
          // The lanes above are the interleaving: a text table as wide as a terminal would not
          // fit the window, and wrapping it would tear its columns apart.
          h.append("<span class=\"part\" id=\"").append(INTERLEAVING).append("\">")
              .append(Html.escape("\n  Interleaving: "))
              .append("<a href=\"#lanes\">").append(Html.escape("shown above, one lane per thread"))
              .append("</a>.\n</span>");
        } else {
          h.append("<span class=\"part\" id=\"").append(Html.escape(p.anchor())).append("\">")
              .append(Html.escape(p.text())).append("</span>");
        }
      }
      h.append(Html.escape("\n" + ReportText.reproduceWith(replayCommand)))
          .append("</pre></section>\n");
    } else {
      h.append("<section id=\"report\"><h2>Report</h2><pre>")
          .append(Html.escape(report.text(ReportText.reproduceWith(replayCommand))))
          .append("</pre></section>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String kind(Report.Outcome outcome) {
    if (outcome instanceof Report.Failed f) return f.details().kind().name();
    Report.Written w = (Report.Written) outcome;
    return w.kind() == null ? "" : w.kind().name();
  }

  private static String summary(Report.Outcome outcome) {
    if (outcome instanceof Report.Failed f) return FailureText.of(f.details()).summary();
    Report.Written w = (Report.Written) outcome;
    return w.summary() == null ? "" : w.summary();
  }

  /** The swimlane: a grid with the places in the first column and one lane per thread. */
  private static void lanes(StringBuilder h, Report.Failed f, Set<String> anchors) {
    List<ThreadRef> threads = f.trace().threads();
    List<Interleaving.Line> lines = Interleaving.of(f.trace(), f.details());
    if (lines.isEmpty()) return;
    FailureText text = FailureText.of(f.details());
    h.append("<section id=\"lanes\"><h2>Interleaving</h2>\n<div class=\"scroll\">")
        .append("<div class=\"lanes\" style=\"grid-template-columns:max-content repeat(")
        .append(Math.max(1, threads.size())).append(", minmax(11em, 1fr))\">\n");
    h.append("<div class=\"head\">where</div>");
    for (int t = 0; t < threads.size(); t++) {
      h.append("<div class=\"head lane-head\" data-lane=\"").append(t).append("\">")
          .append(Html.escape(Names.thread(threads.get(t)))).append("</div>");
    }
    h.append('\n');
    int row = 2;
    int marked = 0;
    for (Interleaving.Line line : lines) {
      if (line instanceof Interleaving.Hidden hidden) {
        h.append("<div class=\"hidden-steps\" style=\"grid-row:").append(row)
            .append(";grid-column:1 / -1\">").append(Html.escape(hidden.text())).append("</div>\n");
        row++;
        continue;
      }
      int thread = InterleavingText.thread(line);
      h.append("<div class=\"where\" style=\"grid-row:").append(row).append("\">")
          .append(Html.escape(InterleavingText.where(line))).append("</div>");
      TraceRow event = line instanceof Interleaving.Step s && s.row().marked() ? s.row() : null;
      String cls = event != null ? "event conflict"
          : line instanceof Interleaving.Folded ? "event folded" : "event";
      h.append("<div class=\"").append(cls).append("\" data-lane=\"").append(thread)
          .append("\" style=\"grid-row:").append(row).append(";grid-column:").append(thread + 2)
          .append('"');
      String body = breakable(Html.escape(InterleavingText.text(line)));
      if (event != null) {
        h.append(" id=\"conflict-").append(marked + 1).append('"');
        String anchor = text.anchorOf(event, marked);
        marked++;
        h.append('>');
        // Only a part the report has is linked: a link to no id would jump to the top.
        if (anchor != null && anchors.contains(anchor)) {
          h.append("<a href=\"#").append(Html.escape(anchor)).append("\" title=\"the part of the report about")
              .append(" this step\">").append(body).append("</a>");
        } else {
          h.append(body);
        }
      } else {
        h.append('>').append(body);
      }
      h.append("</div>\n");
      row++;
    }
    h.append("</div></div><p class=\"legend\">Highlighted: the events of the failure; each")
        .append(" underlined one links to the part of the report about it. A dashed step stands for routine steps")
        .append(" folded to keep the table short.</p></section>\n");
  }

  /**
   * Lets a narrow lane wrap a long name where a reader would break it: after a dot, an {@code @}
   * or a {@code $} ({@code ReentrantReadWriteLock@<wbr>1a2b}), not in the middle of a word.
   */
  private static String breakable(String escaped) {
    return escaped.replace(".", ".<wbr>").replace("@", "@<wbr>").replace("$", "$<wbr>");
  }

  /**
   * A non-linearizable history: one column per thread that made calls, one grid row per moment a
   * call started or returned, so a call spans from its start to its return and overlapping calls
   * of different threads share rows; the calls no order explains are highlighted.
   */
  private static void history(StringBuilder h, Violation v) {
    History history = v.history();
    List<Integer> columns = HistoryText.columns(history);
    TreeSet<Integer> moments = new TreeSet<>();
    for (Call c : history.calls()) {
      moments.add(c.start());
      moments.add(c.end());
    }
    List<Integer> order = List.copyOf(moments);
    h.append("<section id=\"history-calls\"><h2>History of calls</h2>\n<div class=\"scroll\">")
        .append("<div class=\"calls\" style=\"grid-template-columns:repeat(")
        .append(columns.size()).append(", minmax(11em, 1fr))\">\n");
    for (int k = 0; k < columns.size(); k++) {
      h.append("<div class=\"head\" style=\"grid-row:1;grid-column:").append(k + 1).append("\">")
          .append(Html.escape(History.threadName(columns.get(k)))).append("</div>");
    }
    h.append('\n');
    for (int id = 0; id < history.size(); id++) {
      Call c = history.call(id);
      int from = order.indexOf(c.start()) + 2;
      int to = order.indexOf(c.end()) + 3;
      boolean conflicting = v.conflicting().contains(id);
      h.append("<div class=\"call").append(conflicting ? " conflict" : "")
          .append("\" style=\"grid-row:").append(from).append(" / ").append(to)
          .append(";grid-column:").append(columns.indexOf(c.thread()) + 1).append("\">")
          .append(Html.escape(HistoryText.call(c))).append("</div>\n");
    }
    h.append("</div></div><p class=\"legend\">Each call spans from its start to its return;")
        .append(" calls side by side overlapped in time. Highlighted: the calls no sequential")
        .append(" order explains.</p></section>\n");
  }

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d232a;max-width:120em}",
      "h1{font-size:1.1em;font-weight:600;display:inline;margin-left:.6em;"
          + "overflow-wrap:anywhere}",
      "h2{font-size:1.05em;margin:1.2em 0 .5em}",
      ".kind{background:#b3261e;color:#fff;padding:.2em .6em;border-radius:.3em;font-weight:700}",
      ".found,.uncontrolled{margin:.6em 0}.uncontrolled{color:#8a4b00}",
      ".replay{margin:1em 0;overflow-wrap:anywhere}.replay code{background:#f2f4f7;"
          + "padding:.3em .5em}",
      ".scroll{overflow-x:auto}",
      ".lanes,.calls{display:grid;gap:2px 6px;font-family:ui-monospace,monospace;"
          + "font-size:.85em}",
      ".head{font-weight:700;border-bottom:2px solid #888;padding:.2em}",
      ".where{grid-column:1;color:#666;padding:.15em .4em .15em .15em;white-space:nowrap}",
      ".event{background:#eef3fb;border-left:3px solid #4a78c2;padding:.15em .4em;"
          + "overflow-wrap:break-word;min-width:0}",
      ".event.folded{background:#f6f7f9;border-left-style:dashed;color:#555}",
      ".event.conflict{background:#fde7e5;border-left-color:#b3261e;font-weight:700}",
      ".event.conflict a{color:inherit;text-decoration:underline dotted}",
      ".hidden-steps{color:#666;font-style:italic;padding:.15em}",
      ".call{background:#eef3fb;border:1px solid #4a78c2;border-radius:.3em;padding:.2em .4em;"
          + "overflow-wrap:anywhere}",
      ".call.conflict{background:#fde7e5;border-color:#b3261e;font-weight:700}",
      ".legend{color:#666;font-size:.85em}",
      "pre{background:#f7f7f9;padding:1em;white-space:pre-wrap;overflow-wrap:anywhere}",
      ".part:target{background:#fff3c4;outline:2px solid #e0b000}");
}
