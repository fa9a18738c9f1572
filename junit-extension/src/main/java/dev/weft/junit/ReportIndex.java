package dev.weft.junit;

import dev.weft.internal.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code target/weft-reports/index.html}: the failures recorded in this build, each linking to its
 * HTML page. Rebuilt from the JSON records whenever one is written or deleted, so it always
 * matches what is on disk, also when several forks write reports.
 */
final class ReportIndex {
  private ReportIndex() {}

  static synchronized void rebuild(Path root) throws IOException {
    List<String[]> rows = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root, 2)) {
        for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          rows.add(row(root, json));
        }
      }
    }
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>Weft reports</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
        + "td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left}"
        + ".kind{font-weight:700;color:#b3261e}</style></head><body>\n<h1>Weft reports</h1>\n");
    if (rows.isEmpty()) {
      h.append("<p>No failures recorded.</p>\n");
    } else {
      h.append("<table><tr><th>test</th><th>kind</th><th>what happened</th></tr>\n");
      for (String[] r : rows) {
        h.append("<tr><td><a href=\"").append(escape(r[0])).append("\">").append(escape(r[1]))
            .append("</a></td><td class=\"kind\">").append(escape(r[2])).append("</td><td>")
            .append(escape(r[3])).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    Files.createDirectories(root);
    Files.writeString(root.resolve("index.html"), h.toString());
  }

  /** link, test, kind, summary of one record; unreadable records still get a row. */
  private static String[] row(Path root, Path json) {
    String test = root.relativize(json).toString().replace(".json", "");
    String link = root.relativize(json).toString().replace(".json", ".html").replace('\\', '/');
    try {
      if (Json.parse(Files.readString(json)) instanceof Map<?, ?> record) {
        return new String[] {link, String.valueOf(record.get("test") == null ? test
            : record.get("test")), String.valueOf(record.get("kind")),
            String.valueOf(record.get("summary"))};
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      // Listed as unreadable below; the next run of that test deletes it.
    }
    return new String[] {link, test, "?", "unreadable record"};
  }

  private static String escape(String s) {
    return dev.weft.internal.report.Html.escape(s);
  }
}
