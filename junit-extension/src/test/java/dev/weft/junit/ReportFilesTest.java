package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.report.Json;
import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.LockOrders;
import dev.weft.junit.fixtures.Special;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure leaves {@code <class>/<method>.txt} and {@code .json} in the reports directory. */
class ReportFilesTest {
  @TempDir
  Path reports;

  @Test
  void aFailureWritesItsMessageAndAJsonRecord() throws IOException {
    String message = new Kit(reports).failure(Counters.class, "lostUpdate").getMessage();
    Path dir = reports.resolve("dev.weft.junit.fixtures.Counters");

    assertThat(dir.resolve("lostUpdate.txt")).hasContent(message);
    Map<?, ?> record = readRecord(dir.resolve("lostUpdate.json"));
    assertThat(record.get("format")).isEqualTo(1L);
    assertThat(record.get("test")).isEqualTo("dev.weft.junit.fixtures.Counters#lostUpdate");
    assertThat(record.get("kind")).isEqualTo("EXCEPTION");
    assertThat(record.get("expected")).isEqualTo(List.of());
    assertThat(record.get("token")).isEqualTo(Kit.token(message));
    assertThat(record.get("seed")).isInstanceOf(Long.class);
    assertThat(message).contains("(seed " + record.get("seed") + ", POS)");
    assertThat((Long) record.get("executions")).isBetween(1L, 500L);
    assertThat((String) record.get("summary")).contains("lost update");
    assertThat((String) record.get("cause"))
        .startsWith("org.opentest4j.AssertionFailedError: lost update");
    assertThat(record.get("accesses")).isEqualTo(List.of());
    assertThat((String) record.get("report"))
        .startsWith(message.lines().findFirst().orElseThrow())
        .endsWith("Reproduce with: -Dweft.replay=" + record.get("token"));
  }

  @Test
  void aFailureWritesAnHtmlPageListedInTheIndex() throws IOException {
    new Kit(reports).failure(Counters.class, "lostUpdate");
    Path page = reports.resolve("dev.weft.junit.fixtures.Counters").resolve("lostUpdate.html");
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>")
        .contains("class=\"lanes\"").contains("-Dweft.replay=");
    String index = Files.readString(reports.resolve("index.html"));
    assertThat(index).contains("href=\"dev.weft.junit.fixtures.Counters/lostUpdate.html\"")
        .contains("dev.weft.junit.fixtures.Counters#lostUpdate").contains("EXCEPTION");
  }

  @Test
  void anExpectedFailureIsRecordedWithItsExpectation() throws IOException {
    new Kit(reports).passes(LockOrders.class, "expectDeadlockOnInverted");

    Map<?, ?> record = readRecord(
        reports.resolve("dev.weft.junit.fixtures.LockOrders/expectDeadlockOnInverted.json"));
    assertThat(record.get("kind")).isEqualTo("DEADLOCK");
    assertThat(record.get("expected")).isEqualTo(List.of("DEADLOCK"));
    assertThat(record.get("cause")).isNull();
  }

  @Test
  void awkwardTextIsEscapedExactly() throws IOException {
    new Kit(reports).failure(Special.class, "awkwardMessage");

    Path json = reports.resolve("dev.weft.junit.fixtures.Special/awkwardMessage.json");
    String raw = Files.readString(json);
    assertThat(raw).doesNotContain("\u0001").contains("\\u0001").contains("\\\"worker\\\"");
    Map<?, ?> record = readRecord(json);
    assertThat(record.get("cause"))
        .isEqualTo(new IllegalStateException(Special.AWKWARD).toString());
    assertThat((String) record.get("report")).contains("quoting \"worker\"");
  }

  @Test
  void withoutAParameterReportsGoToTheModulesTargetDirectory() throws IOException {
    Path dir = Paths.get(System.getProperty("basedir", ""))
        .resolve("target/weft-reports/dev.weft.junit.fixtures.Counters");
    Path json = dir.resolve("lostUpdate.json");
    Files.deleteIfExists(json);
    try {
      String message = new Kit(null).failure(Counters.class, "lostUpdate").getMessage();

      assertThat(json).exists();
      assertThat(message).contains("Report: target" + java.io.File.separator + "weft-reports");
    } finally {
      Files.deleteIfExists(json);
      Files.deleteIfExists(dir.resolve("lostUpdate.txt"));
    }
  }

  static Map<?, ?> readRecord(Path json) throws IOException {
    Object parsed = Json.parse(Files.readString(json));
    assertThat(parsed).isInstanceOf(Map.class);
    return (Map<?, ?>) parsed;
  }
}
