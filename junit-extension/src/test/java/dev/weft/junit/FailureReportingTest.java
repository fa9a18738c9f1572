package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.LockOrders;
import dev.weft.junit.fixtures.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** A buggy {@code @RaceTest} fails as one test whose message is the whole report. */
class FailureReportingTest {
  @TempDir
  Path reports;

  @Test
  void aLostUpdateFailsWithTheReportAndHowToReplayIt() {
    Throwable thrown = new Kit(reports).failure(Counters.class, "lostUpdate");

    assertThat(thrown).isInstanceOf(AssertionError.class);
    String message = thrown.getMessage();
    String token = Kit.token(message);
    assertThat(token).startsWith("W1.");
    assertThat(message)
        .contains("lost update")
        .contains("Found in execution ")
        .contains("mvn test -Dtest=Counters#lostUpdate -Dweft.replay=" + token)
        .contains("dev.weft.junit.fixtures.Counters" + java.io.File.separator + "lostUpdate.txt")
        .endsWith("Reproduce with: -Dweft.replay=" + token + "\n"
            + "or: @RaceTest(replay = \"" + token + "\")")
        .doesNotContain("InvocationTargetException");
    assertThat(message.split("Reproduce with:", -1)).hasSize(2);
  }

  @Test
  void theCauseIsTheExceptionTheBodyThrew() {
    Throwable thrown = new Kit(reports).failure(Counters.class, "lostUpdate");

    assertThat(thrown.getCause())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("lost update")
        .hasMessageContaining("expected: <2> but was: <1>");
  }

  @Test
  void theFirstLineNamesTheAssertionErrorOnce() {
    Throwable thrown = new Kit(reports).failure(Counters.class, "lostUpdate");

    // JUnit and Surefire print the thrown error as "class: message".
    String firstLine = thrown.toString().lines().findFirst().orElseThrow();
    assertThat(firstLine.split("AssertionFailedError", -1)).as(firstLine).hasSize(2);
    assertThat(firstLine).contains("lost update");
  }

  @Test
  void aLockOrderInversionFailsAsADeadlock() {
    Throwable thrown = new Kit(reports).failure(LockOrders.class, "inverted");

    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getMessage())
        .containsIgnoringCase("deadlock")
        .contains("a-then-b")
        .contains("Reproduce with: -Dweft.replay=W1.")
        .contains("@RaceTest(replay = \"W1.");
  }

  @Test
  void theFixedProgramsPassAfterEveryIteration() {
    Kit kit = new Kit(reports);
    kit.passes(Counters.class, "lockedIncrements");
    assertThat(Programs.RUNS).hasValue(50);
    kit.passes(LockOrders.class, "consistent");
    assertThat(Programs.RUNS).hasValue(50);
  }
}
