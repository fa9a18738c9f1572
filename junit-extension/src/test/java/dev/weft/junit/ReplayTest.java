package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.LockOrders;
import dev.weft.junit.fixtures.Programs;
import dev.weft.junit.fixtures.Special;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** A token from a failure replays exactly that execution, once. */
class ReplayTest {
  @Test
  void aTokenReproducesTheFailureInOneExecution(@TempDir Path first, @TempDir Path second) {
    String original = new Kit(first).failure(Counters.class, "lostUpdate").getMessage();
    String token = Kit.token(original);

    String replayed = new Kit(second).with("weft.replay", token)
        .failure(Counters.class, "lostUpdate").getMessage();

    assertThat(Programs.RUNS).hasValue(1);
    assertThat(replayed)
        .startsWith("The replayed execution (weft.replay) fails:")
        .contains("Found in execution 1 ")
        .contains(original.lines().findFirst().orElseThrow())
        .endsWith("or: @RaceTest(replay = \"" + token + "\")");
  }

  @Test
  void aDeadlockReplaysAsADeadlock(@TempDir Path first, @TempDir Path second) {
    String token = Kit.token(new Kit(first).failure(LockOrders.class, "inverted").getMessage());

    Throwable replayed = new Kit(second).with("weft.replay", token)
        .failure(LockOrders.class, "inverted");

    assertThat(Programs.RUNS).hasValue(1);
    assertThat(replayed.getMessage()).startsWith("The replayed execution").contains("DEADLOCK");
  }

  @Test
  void aGarbageTokenInTheAttributeFailsNamingIt(@TempDir Path reports) {
    Throwable thrown = new Kit(reports).failure(Special.class, "garbageReplay");

    assertThat(Programs.RUNS).hasValue(0);
    assertThat(thrown)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Invalid @RaceTest(replay = \"not-a-token\"): ")
        .hasMessageContaining("\"W1.\"");
  }

  @Test
  void theParameterOverridesTheAttribute(@TempDir Path first, @TempDir Path second) {
    String token = Kit.token(new Kit(first).failure(Counters.class, "lostUpdate").getMessage());

    var results = new Kit(second).with("weft.replay", token)
        .run(selectMethod(Special.class, "garbageReplay"));

    // The lost update's schedule, replayed on a correct program: it ran once (or diverged),
    // and the attribute's garbage token played no part.
    assertThat(Programs.RUNS).hasValue(1);
    assertThat(results.testEvents().failed().stream().map(Kit::thrown))
        .allSatisfy(t -> assertThat(t).hasMessageNotContaining("not-a-token"));
  }
}
