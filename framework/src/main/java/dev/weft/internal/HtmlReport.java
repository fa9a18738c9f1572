package dev.weft.internal;

import dev.weft.internal.runtime.Trace;
import dev.weft.internal.runtime.TraceView;
import java.util.List;

/**
 * Renders a failure as one self-contained HTML page: no external resources, every text that
 * comes from the program (thread names, keys, messages, stacks) escaped.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** {@code replayCommand}: how the reader replays the failure, shown with a copy button. */
  static String render(String kind, String summary, String report, String replayCommand,
      Trace trace) {
    List<String> threads = TraceView.threadNames(trace);
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Weft: ").append(escape(kind)).append("</title>\n<style>")
        .append(STYLE).append("</style></head>\n<body>\n");
    h.append("<header><span class=\"kind\">").append(escape(kind)).append("</span><h1>")
        .append(escape(summary)).append("</h1></header>\n");
    h.append("<section class=\"replay\"><code id=\"replay\">").append(escape(replayCommand))
        .append("</code> <button type=\"button\" onclick=\"navigator.clipboard.writeText(")
        .append("document.getElementById('replay').textContent)\">Copy</button></section>\n");
    h.append("<section><h2>Interleaving</h2>\n<div class=\"lanes\" style=\"grid-template-columns:")
        .append("8em repeat(").append(Math.max(1, threads.size())).append(", minmax(10em, 1fr))\">\n");
    h.append("<div class=\"head\">where</div>");
    for (int t = 0; t < threads.size(); t++) {
      h.append("<div class=\"head lane-head\" data-lane=\"").append(t).append("\">")
          .append(escape(threads.get(t))).append("</div>");
    }
    h.append('\n');
    int row = 2;
    int markedIndex = 0;
    for (TraceView.Row r : TraceView.rows(trace)) {
      h.append("<div class=\"where\" style=\"grid-row:").append(row).append("\">")
          .append(escape(r.location())).append("</div>");
      h.append("<div class=\"event").append(r.marked() ? " conflict" : "")
          .append("\" data-lane=\"").append(r.thread()).append("\" style=\"grid-row:").append(row)
          .append(";grid-column:").append(r.thread() + 2).append('"');
      if (r.marked()) h.append(" id=\"conflict-").append(++markedIndex).append('"');
      h.append('>');
      if (r.marked()) h.append("<a href=\"#report\">");
      h.append(escape(r.text()));
      if (r.marked()) h.append("</a>");
      h.append("</div>\n");
      row++;
    }
    h.append("</div></section>\n");
    h.append("<section id=\"report\"><h2>Report</h2><pre>").append(escape(report))
        .append("</pre></section>\n</body></html>\n");
    return h.toString();
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d232a}",
      "h1{font-size:1.1em;font-weight:600;display:inline;margin-left:.6em}",
      ".kind{background:#b3261e;color:#fff;padding:.2em .6em;border-radius:.3em;font-weight:700}",
      ".replay{margin:1em 0}.replay code{background:#f2f4f7;padding:.3em .5em}",
      ".lanes{display:grid;gap:2px 6px;font-family:ui-monospace,monospace;font-size:.85em}",
      ".head{font-weight:700;border-bottom:2px solid #888;padding:.2em}",
      ".where{grid-column:1;color:#666;padding:.15em}",
      ".event{background:#eef3fb;border-left:3px solid #4a78c2;padding:.15em .4em}",
      ".event.conflict{background:#fde7e5;border-left-color:#b3261e;font-weight:700}",
      "pre{background:#f7f7f9;padding:1em;overflow:auto}");
}
