package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of a failure, written and read back without running Weft. */
class ReportStoreTest {
  @TempDir
  Path reports;

  static Result dataRace() {
    List<Access> accesses = List.of(
        HandMade.access("T1 (worker)", "HashMap.put",
            new StackTraceElement("app.Cache", "put", "Cache.java", 12),
            Access.Kind.STRUCTURAL_WRITE),
        HandMade.access("T0 (weft-body)", "HashMap.get", null, Access.Kind.ITERATION));
    return HandMade.failed(3, -42L, Failure.Kind.DATA_RACE, "data race on HashMap", "W1.token",
        accesses, "data race on HashMap\n");
  }

  @Test
  void accessesAreRecordedWithThreadOperationLocationAndKind() throws IOException {
    ReportStore store = new ReportStore(reports, ReportStoreTest.class, "race");
    store.write("x.Y#race", "the message", dataRace(), EnumSet.of(Failure.Kind.DATA_RACE));

    assertThat(store.textFile()).hasContent("the message");
    Map<?, ?> record = ReportFilesTest.readRecord(store.jsonFile());
    assertThat(record.get("seed")).isEqualTo(-42L);
    assertThat(record.get("executions")).isEqualTo(3L);
    assertThat(record.get("kind")).isEqualTo("DATA_RACE");
    assertThat(record.get("expected")).isEqualTo(List.of("DATA_RACE"));
    List<?> accesses = (List<?>) record.get("accesses");
    assertThat(accesses).hasSize(2);
    assertThat(accesses.get(0)).isEqualTo(Map.of("thread", "T1 (worker)",
        "operation", "HashMap.put", "location", "app.Cache.put(Cache.java:12)", "isWrite", true,
        "accessKind", "STRUCTURAL_WRITE"));
    Map<?, ?> second = (Map<?, ?>) accesses.get(1);
    assertThat(List.copyOf(second.keySet()))
        .isEqualTo(List.of("thread", "operation", "location", "isWrite", "accessKind"));
    assertThat(second.get("location")).isNull();
    assertThat(second.get("isWrite")).isEqualTo(false);
    assertThat(second.get("accessKind")).isEqualTo("ITERATION");
  }

  @Test
  void theRecordGivesBackItsTokenAndKind() {
    ReportStore store = new ReportStore(reports, ReportStoreTest.class, "race");
    assertThat(store.read()).isNull();

    store.write("x.Y#race", "m", dataRace(), EnumSet.noneOf(Failure.Kind.class));

    assertThat(store.read()).isEqualTo(new ReportStore.Recorded("W1.token", "DATA_RACE"));
    assertThat(store.delete()).isTrue();
    assertThat(store.textFile()).doesNotExist();
    assertThat(store.read()).isNull();
    assertThat(store.delete()).isFalse();
  }

  @Test
  void aRecordWithoutATokenIsUnreadable() throws IOException {
    ReportStore store = new ReportStore(reports, ReportStoreTest.class, "race");
    Files.createDirectories(store.jsonFile().getParent());
    Files.writeString(store.jsonFile(), "{\"kind\": \"DEADLOCK\"}");

    assertThatThrownBy(store::read).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no \"token\"");
  }
}
