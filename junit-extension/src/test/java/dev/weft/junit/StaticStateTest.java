package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.Programs;
import dev.weft.junit.fixtures.StaticState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @RaceTest(resetStatics)} and {@code weft.resetStatics}: static state per execution. */
class StaticStateTest {
  @TempDir
  Path reports;

  @AfterEach
  void putTheFixturesStateBack() {
    StaticState.reset();
  }

  @Test
  void aFlagSetByTheBodyIsResetBeforeEveryExecution() {
    new Kit(reports).passes(StaticState.class, "serviceStops");
    assertThat(Programs.RUNS).hasValue(50);
  }

  @Test
  void withoutTheResetTheSecondExecutionStartsFromTheFirstOnesFlag() {
    String message = new Kit(reports)
        .failure(StaticState.class, "serviceStopsWithoutTheReset").getMessage();
    assertThat(message).contains("the service was already stopped")
        .contains("Found in execution 2 (seed 3");
  }

  @Test
  void theParameterTurnsTheResetOff() {
    String message = new Kit(reports).with("weft.resetStatics", "false")
        .failure(StaticState.class, "serviceStops").getMessage();
    assertThat(message).contains("the service was already stopped")
        .contains("Found in execution 2 (seed 3");
  }

  @Test
  void theParameterTurnsTheResetOn() {
    new Kit(reports).with("weft.resetStatics", "TRUE")
        .passes(StaticState.class, "serviceStopsWithoutTheReset");
    assertThat(Programs.RUNS).hasValue(50);
  }

  @Test
  void aLazySingletonIsFoundBuildingTwoInstances() {
    String message = new Kit(reports).failure(StaticState.class, "lazySingleton").getMessage();
    assertThat(message).contains("two singletons: 2 constructions");
  }
}
