package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.junit.fixtures.Counters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failure texts, on results made by hand. */
class FailureMessagesTest {
  /** A nested class, whose binary name has a '$' that a shell would expand. */
  static final class Nested {}

  @Test
  void theMavenCommandQuotesNestedClassNames() {
    assertThat(FailureMessages.mavenCommand(FailureMessagesTest.class, "m", "W1.t"))
        .isEqualTo("mvn test -Dtest=FailureMessagesTest#m -Dweft.replay=W1.t");
    assertThat(FailureMessages.mavenCommand(Nested.class, "m", "W1.t"))
        .isEqualTo("mvn test '-Dtest=FailureMessagesTest$Nested#m' -Dweft.replay=W1.t");
  }

  @Test
  void theMessageEndsWithBothJUnitReplayLines() {
    Result result = HandMade.failed(2, 1L, Failure.Kind.LIVELOCK, "spins", "W1.abc", List.of(),
        "spins\nFound in execution 2.");
    RaceSettings settings = RaceSettings.resolve(annotation(), name -> java.util.Optional.empty());
    ReportStore store = new ReportStore(Path.of("r"), Nested.class, "m");

    String message = FailureMessages.failed(result, FailureMessages.Source.EXPLORED, settings,
        Nested.class, "m", store);

    assertThat(message).startsWith("spins\nFound in execution 2.\n\nReport: ")
        .endsWith("\nReproduce with: -Dweft.replay=W1.abc\nor: @RaceTest(replay = \"W1.abc\")");
  }

  @Test
  void kindsAndExecutionsReadNaturally() {
    assertThat(FailureMessages.kinds(java.util.EnumSet.of(Failure.Kind.DEADLOCK,
        Failure.Kind.DATA_RACE))).isEqualTo("DATA_RACE or DEADLOCK");
    assertThat(FailureMessages.executions(1)).isEqualTo("1 execution");
    assertThat(FailureMessages.executions(2)).isEqualTo("2 executions");
  }

  /** The annotation of a fixture, for settings with nothing overridden. */
  static RaceTest annotation() {
    try {
      return Counters.class.getDeclaredMethod("lockedIncrements").getAnnotation(RaceTest.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
