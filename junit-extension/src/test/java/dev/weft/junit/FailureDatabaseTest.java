package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.Programs;
import dev.weft.junit.fixtures.Toggled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next run of a failed test replays its recorded failure first. */
class FailureDatabaseTest {
  @TempDir
  Path reports;

  @AfterEach
  void unfix() {
    Toggled.fixed = false;
  }

  private Path record(Class<?> fixture, String method) {
    return reports.resolve(fixture.getName()).resolve(method + ".json");
  }

  @Test
  void theSecondRunReportsTheRecordedFailureInOneExecution() {
    Kit kit = new Kit(reports);
    String first = kit.failure(Counters.class, "lostUpdate").getMessage();

    String second = kit.failure(Counters.class, "lostUpdate").getMessage();

    assertThat(Programs.RUNS).hasValue(1);
    assertThat(second)
        .startsWith("The failure recorded by the previous run still happens (")
        .contains("Found in execution 1 ")
        .contains("lost update");
    assertThat(Kit.token(second)).isEqualTo(Kit.token(first));
  }

  @Test
  void aFixedTestDeletesItsRecord() {
    Kit kit = new Kit(reports);
    kit.failure(Toggled.class, "counter");
    assertThat(record(Toggled.class, "counter")).exists();

    Toggled.fixed = true;
    List<String> notes = kit.passes(Toggled.class, "counter");

    assertThat(record(Toggled.class, "counter")).doesNotExist();
    assertThat(reports.resolve(Toggled.class.getName()).resolve("counter.txt")).doesNotExist();
    assertThat(Programs.RUNS.get()).isBetween(500, 501);
    assertThat(notes).anySatisfy(n -> assertThat(n).containsAnyOf(
        "no longer happens in its replay", "is stale and was deleted"));
  }

  /** Leaves a record for the fixed counter, as an earlier run might have. */
  private Path recordForLockedIncrements(String content) throws IOException {
    Path json = record(Counters.class, "lockedIncrements");
    Files.createDirectories(json.getParent());
    Files.writeString(json, content);
    return json;
  }

  @Test
  void aStaleTokenIsDeletedWithANote() throws IOException {
    Path json = recordForLockedIncrements("{\"token\": \"W1.stale\", \"kind\": \"EXCEPTION\"}");

    List<String> notes = new Kit(reports).passes(Counters.class, "lockedIncrements");

    assertThat(json).doesNotExist();
    assertThat(Programs.RUNS).hasValue(50);
    assertThat(notes).anySatisfy(n -> assertThat(n).contains("is stale and was deleted"));
  }

  @Test
  void anUnreadableRecordIsDeletedWithANote() throws IOException {
    Path json = recordForLockedIncrements("{\"token\": ");

    List<String> notes = new Kit(reports).passes(Counters.class, "lockedIncrements");

    assertThat(json).doesNotExist();
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Deleted the unreadable"));
  }

  @Test
  void anExpectedFailureStaysRecordedAndPassesInOneExecution() {
    Kit kit = new Kit(reports);
    kit.passes(Toggled.class, "expectedDeadlock");
    assertThat(record(Toggled.class, "expectedDeadlock")).exists();

    kit.passes(Toggled.class, "expectedDeadlock");

    assertThat(Programs.RUNS).hasValue(1);
    assertThat(record(Toggled.class, "expectedDeadlock")).exists();
  }

  @Test
  void anExpectTestWhoseBugIsGoneFailsAndDropsItsRecord() {
    Kit kit = new Kit(reports);
    kit.passes(Toggled.class, "expectedDeadlock");

    Toggled.fixed = true;
    Throwable thrown = kit.failure(Toggled.class, "expectedDeadlock");

    assertThat(thrown).hasMessageStartingWith("expected DEADLOCK, found none in 500 executions");
    assertThat(record(Toggled.class, "expectedDeadlock")).doesNotExist();
  }
}
