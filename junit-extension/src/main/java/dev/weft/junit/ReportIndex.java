package dev.weft.junit;

import dev.weft.internal.report.Json;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code target/weft-reports/index.html}: the failures recorded in this build, with totals, and
 * each record's date, JDK and seed, linking to its HTML page. Rebuilt from the JSON records
 * whenever one is written or deleted, so it always matches what is on disk, also when several
 * forks write reports. The records of tests that no longer exist (their class or method is gone
 * from the classpath) are left out: no run of theirs will ever replace or delete them. Their
 * files are left alone, since a record is only ever deleted by a run of its own test.
 */
final class ReportIndex {
  private ReportIndex() {}

  /** One listed record; {@code expectedFound} when the test expected this kind and passed. */
  private record Row(String link, String test, String kind, String summary, String date,
      String jdk, String seed, boolean expectedFound) {}

  static synchronized void rebuild(Path root) throws IOException {
    List<Row> rows = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root, 2)) {
        for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          Row row = row(root, json);
          if (row != null) rows.add(row);
        }
      }
    }
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>Weft reports</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
        + "td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;"
        + "vertical-align:top}.kind{font-weight:700;color:#b3261e}.passed .kind{color:#666}"
        + ".meta{white-space:nowrap;color:#555}</style></head><body>\n<h1>Weft reports</h1>\n");
    if (rows.isEmpty()) {
      h.append("<p>No failures recorded.</p>\n");
    } else {
      h.append("<p class=\"totals\">").append(escape(totals(rows))).append("</p>\n");
      h.append("<table><tr><th>test</th><th>kind</th><th>what happened</th><th>date</th>"
          + "<th>JDK</th><th>seed</th></tr>\n");
      for (Row r : rows) {
        h.append(r.expectedFound() ? "<tr class=\"passed\">" : "<tr>")
            .append("<td><a href=\"").append(escape(r.link())).append("\">")
            .append(escape(r.test())).append("</a></td><td class=\"kind\">")
            .append(escape(r.kind())).append(r.expectedFound() ? " (expected)" : "")
            .append("</td><td>").append(escape(r.summary())).append("</td><td class=\"meta\">")
            .append(escape(r.date())).append("</td><td class=\"meta\">").append(escape(r.jdk()))
            .append("</td><td class=\"meta\">").append(escape(r.seed())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    Files.createDirectories(root);
    Files.writeString(root.resolve("index.html"), h.toString());
  }

  /** {@code 3 tests recorded: 2 failed, 1 passed with its expected failure recorded}. */
  static String totals(List<Row> rows) {
    long passed = rows.stream().filter(Row::expectedFound).count();
    long failed = rows.size() - passed;
    return rows.size() + (rows.size() == 1 ? " test" : " tests") + " recorded: " + failed
        + " failed, " + passed + " passed with " + (passed == 1 ? "its" : "their")
        + " expected failure recorded";
  }

  /**
   * The row of one record, or null when its test no longer exists; unreadable records still get
   * a row.
   */
  private static Row row(Path root, Path json) {
    String test = root.relativize(json).toString().replace(".json", "");
    String link = root.relativize(json).toString().replace(".json", ".html").replace('\\', '/');
    Object parsed;
    try {
      parsed = Json.parse(Files.readString(json));
    } catch (IOException | IllegalArgumentException unreadable) {
      parsed = null; // Listed as unreadable; the next run of that test deletes it.
    }
    if (!(parsed instanceof Map<?, ?> record)) {
      return new Row(link, test, "?", "unreadable record", "", "", "", false);
    }
    String id = record.get("test") instanceof String s ? s : test;
    if (!exists(id)) return null;
    String kind = String.valueOf(record.get("kind"));
    boolean expectedFound = record.get("expected") instanceof List<?> expected
        && expected.contains(kind);
    return new Row(link, id, kind, String.valueOf(record.get("summary")),
        date(record.get("date")), text(record.get("jdk")), text(record.get("seed")),
        expectedFound);
  }

  /**
   * Whether the test {@code Class#method} is still on the classpath. Only a class that cannot be
   * found or a method that is gone count as gone: a class that fails to load is still there.
   */
  static boolean exists(String testId) {
    int hash = testId.lastIndexOf('#');
    if (hash <= 0) return true;
    String className = testId.substring(0, hash);
    String method = testId.substring(hash + 1);
    Class<?> type;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      type = Class.forName(className, false,
          loader != null ? loader : ReportIndex.class.getClassLoader());
    } catch (ClassNotFoundException gone) {
      return false;
    } catch (LinkageError present) {
      return true;
    }
    try {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (m.getName().equals(method)) return true;
        }
      }
      for (Class<?> i : type.getInterfaces()) {
        for (Method m : i.getMethods()) {
          if (m.getName().equals(method)) return true;
        }
      }
    } catch (LinkageError present) {
      return true;
    }
    return false;
  }

  /** {@code 2026-12-02 04:22:40 UTC} of an ISO instant; whatever else is given as it is. */
  private static String date(Object value) {
    String s = text(value);
    try {
      return Instant.parse(s).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
          .replace("Z", " UTC");
    } catch (DateTimeParseException notAnInstant) {
      return s;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static String escape(String s) {
    return dev.weft.internal.report.Html.escape(s);
  }
}
