package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The interleaving's {@code where} column never cuts a file name or a line number, however long
 * the file's name: this file's name is longer than the column used to be.
 */
class AVeryLongSourceFileNameForTheWhereColumnTest {
  static final String FILE = "AVeryLongSourceFileNameForTheWhereColumnTest.java";

  static Result race() {
    Result result = Weft.explore(Options.defaults().seed(7).iterations(100), () -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = new Thread(() -> map.put("a", 1));
      a.start();
      map.put("b", 2);
      a.join();
    });
    assertThat(result.failed()).as(result.report()).isTrue();
    return result;
  }

  @Test
  void everyRowOfTheTextTableNamesItsFileAndLineInFull() {
    String report = race().report();
    List<String> table = interleaving(report);
    assertThat(table).as(report).isNotEmpty();
    Pattern where = Pattern.compile("^( >> |  ~ |    )(\\S+)");
    int named = 0;
    for (String row : table) {
      Matcher m = where.matcher(row);
      if (!m.find() || !m.group(2).contains(".java")) continue;
      named++;
      assertThat(m.group(2)).as(report).matches(Pattern.quote(FILE) + ":\\d+");
    }
    assertThat(named).as(report).isGreaterThanOrEqualTo(3);
    // Both accesses' rows, with their lines as the report's first line gives them.
    for (String at : linesOfTheAccesses(report)) {
      assertThat(table).as(report).anyMatch(r -> r.startsWith(" >> " + at + " "));
    }
  }

  @Test
  void everyWhereCellOfTheHtmlLanesNamesItsFileAndLineInFull() {
    String page = race().htmlPage();
    Matcher m = Pattern.compile("<div class=\"where\"[^>]*>([^<]*)</div>").matcher(page);
    int cells = 0;
    while (m.find()) {
      if (m.group(1).isEmpty()) continue;
      cells++;
      assertThat(m.group(1)).matches(Pattern.quote(FILE) + ":\\d+");
    }
    assertThat(cells).isGreaterThanOrEqualTo(3);
  }

  /** The rows of the text interleaving, from its header to its legend (both left out). */
  static List<String> interleaving(String report) {
    List<String> lines = report.lines().toList();
    int start = lines.indexOf("  Interleaving:");
    if (start < 0) return List.of();
    int end = start + 2;
    while (end < lines.size() && !lines.get(end).startsWith("    (~ marks")) end++;
    return lines.subList(start + 2, end);
  }

  private static List<String> linesOfTheAccesses(String report) {
    Matcher m = Pattern.compile("HashMap\\.put at (" + Pattern.quote(FILE) + ":\\d+)")
        .matcher(report.lines().findFirst().orElseThrow());
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) found.add(m.group(1));
    assertThat(found).as(report).hasSize(2);
    return found;
  }
}
