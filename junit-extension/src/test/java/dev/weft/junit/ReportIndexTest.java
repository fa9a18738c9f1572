package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of recorded failures: totals, date, JDK and seed, and only tests that exist. */
class ReportIndexTest {
  @TempDir
  Path reports;

  private void record(String test, String kind, String expected, String extra) throws IOException {
    int hash = test.indexOf('#');
    Path dir = reports.resolve(test.substring(0, hash));
    Files.createDirectories(dir);
    String base = test.substring(hash + 1);
    Files.writeString(dir.resolve(base + ".json"), "{\"format\":1,\"test\":\"" + test
        + "\",\"expected\":[" + expected + "],\"kind\":\"" + kind + "\",\"summary\":\"" + kind
        + " <b>here</b>\"" + extra + "}");
    Files.writeString(dir.resolve(base + ".txt"), "report");
    Files.writeString(dir.resolve(base + ".html"), "<!DOCTYPE html>");
  }

  @Test
  void theIndexShowsTotalsAndTheDateJdkAndSeedOfEachRecord() throws IOException {
    record("dev.weft.junit.fixtures.Counters#lostUpdate", "EXCEPTION", "",
        ",\"seed\":42,\"date\":\"2026-12-02T04:22:40.123456Z\",\"jdk\":\"17.0.15\"");
    record("dev.weft.junit.fixtures.LockOrders#expectDeadlockOnInverted", "DEADLOCK",
        "\"DEADLOCK\"", ",\"seed\":7,\"date\":\"2026-12-01T10:00:00Z\",\"jdk\":\"25.0.1\"");

    ReportIndex.rebuild(reports);

    String index = Files.readString(reports.resolve("index.html"));
    assertThat(index)
        .contains("2 tests recorded: 1 failed, 1 passed with its expected failure recorded")
        .contains("<th>date</th><th>JDK</th><th>seed</th>")
        .contains("<td class=\"meta\">2026-12-02 04:22:40 UTC</td><td class=\"meta\">17.0.15"
            + "</td><td class=\"meta\">42</td>")
        .contains("<td class=\"meta\">2026-12-01 10:00:00 UTC</td><td class=\"meta\">25.0.1"
            + "</td><td class=\"meta\">7</td>")
        .contains("DEADLOCK (expected)")
        .contains("EXCEPTION &lt;b&gt;here&lt;/b&gt;").doesNotContain("<b>here");
  }

  @Test
  void recordsOfTestsThatNoLongerExistAreDropped() throws IOException {
    record("dev.weft.junit.fixtures.Counters#lostUpdate", "EXCEPTION", "", "");
    record("dev.weft.junit.fixtures.Counters#renamedAway", "EXCEPTION", "", "");
    record("dev.weft.junit.fixtures.GoneClass#lostUpdate", "DEADLOCK", "", "");

    ReportIndex.rebuild(reports);

    String index = Files.readString(reports.resolve("index.html"));
    assertThat(index).contains("Counters#lostUpdate").doesNotContain("renamedAway")
        .doesNotContain("GoneClass").contains("1 test recorded: 1 failed, 0 passed");
  }
}
