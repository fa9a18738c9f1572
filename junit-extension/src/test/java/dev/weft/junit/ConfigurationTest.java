package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.PlainFields;
import dev.weft.junit.fixtures.Programs;
import dev.weft.junit.fixtures.Stalls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration parameters override the attributes; bad values fail with one clear message. */
class ConfigurationTest {
  @TempDir
  Path reports;

  @Test
  void iterationsOverridesTheAttribute() {
    new Kit(reports).with("weft.iterations", "7").passes(Counters.class, "lockedIncrements");
    assertThat(Programs.RUNS).hasValue(7);
  }

  @Test
  void aSystemPropertyIsAConfigurationParameterToo() {
    String before = System.setProperty("weft.iterations", "3");
    try {
      new Kit(reports).withImplicitParameters().passes(Counters.class, "lockedIncrements");
    } finally {
      if (before == null) {
        System.clearProperty("weft.iterations");
      } else {
        System.setProperty("weft.iterations", before);
      }
    }
    assertThat(Programs.RUNS).hasValue(3);
  }

  @Test
  void theSameSeedFindsTheSameExecution(@TempDir Path other) {
    String first = new Kit(reports).with("weft.seed", "5")
        .failure(Counters.class, "lostUpdate").getMessage();
    int runs = Programs.RUNS.get();
    String second = new Kit(other).with("weft.seed", "5")
        .failure(Counters.class, "lostUpdate").getMessage();

    assertThat(first).contains("(seed 5, POS)");
    assertThat(Kit.token(second)).isEqualTo(Kit.token(first));
    assertThat(Programs.RUNS).hasValue(runs);
  }

  @Test
  void strategyOverridesTheAttribute() {
    String message = new Kit(reports).with("weft.strategy", "random").with("weft.seed", "9")
        .failure(Counters.class, "lostUpdate").getMessage();

    assertThat(message).contains("(seed 9, RANDOM)");
  }

  @Test
  void theSystematicStrategyExhaustsASmallCorrectTestAndSaysSo() {
    java.util.List<String> notes = new Kit(reports).with("weft.strategy", "systematic")
        .passes(Counters.class, "lockedIncrements");

    assertThat(Programs.RUNS.get()).isBetween(1, 49);
    assertThat(notes).singleElement().asString()
        .containsPattern("SYSTEMATIC, explored all \\d+ schedules?[^,]*"
            + "(, with any number of preemptions)?, no failure");
  }

  @Test
  void theSystematicStrategyFindsTheSameFailureInEveryRun(@TempDir Path other) {
    String first = new Kit(reports).with("weft.strategy", "systematic")
        .failure(Counters.class, "lostUpdate").getMessage();
    String second = new Kit(other).with("weft.strategy", "systematic")
        .with("weft.preemptionBound", "1").failure(Counters.class, "lostUpdate").getMessage();

    assertThat(first).containsPattern("\\(SYSTEMATIC, the search within \\d+ preemptions?\\)");
    assertThat(Kit.token(second)).isEqualTo(Kit.token(first));
  }

  @Test
  void theShardIsNamedInTheSummary() {
    java.util.List<String> notes = new Kit(reports).with("weft.shard", "2/3")
        .passes(Counters.class, "lockedIncrements");

    assertThat(notes).singleElement().asString().contains("POS seed 0, shard 2/3");
  }

  @Test
  void maxStepsOverridesTheDefault() {
    String message = new Kit(reports).with("weft.maxSteps", "2")
        .failure(Counters.class, "lockedIncrements").getMessage();

    assertThat(message).contains("exceeded 2 scheduling points");
  }

  @Test
  void theTimeLimitEndsTheExplorationEarly() {
    long start = System.nanoTime();
    new Kit(reports).with("weft.iterations", "100000000").with("weft.timeLimitSeconds", "1")
        .passes(Counters.class, "lockedIncrements");

    assertThat(Programs.RUNS.get()).isBetween(1, 99_999_999);
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(30.0);
  }

  @Test
  void theStallTimeoutComesFromTheAttribute() {
    String message = new Kit(reports)
        .failure(Stalls.class, "computesUnderAShortStallTimeout").getMessage();

    assertThat(message).startsWith("LOST CONTROL: ")
        .contains(" ran for 1 s without reaching a scheduling point");
  }

  @Test
  void theStallTimeoutParameterOverridesTheAttribute(@TempDir Path other) {
    new Kit(reports).passes(Stalls.class, "computesUnderALongStallTimeout");
    String message = new Kit(other).with("weft.stallTimeoutSeconds", "1")
        .failure(Stalls.class, "computesUnderALongStallTimeout").getMessage();

    assertThat(message).startsWith("LOST CONTROL: ")
        .contains(" ran for 1 s without reaching a scheduling point");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "weft.iterations      | abc   | a whole number of at least 1",
      "weft.iterations      | 0     | a whole number of at least 1",
      "weft.iterations      | 1e9   | a whole number of at least 1",
      "weft.iterations      | 9999999999 | a whole number from 1 to 2147483647",
      "weft.seed            | 1.5   | a whole number (64-bit, may be negative) or \"random\"",
      "weft.strategy        | FOO   | one of [AUTO, SYSTEMATIC, PCT, POS, RANDOM]",
      "weft.preemptionBound | -2    | a whole number of at least 0, or -1 for no bound",
      "weft.preemptionBound | two   | a whole number of at least 0, or -1 for no bound",
      "weft.shard           | 3/2   | i/n with 1 <= i <= n (part i of n)",
      "weft.shard           | 1     | i/n with 1 <= i <= n (part i of n)",
      "weft.maxSteps        | -1    | a whole number of at least 1",
      "weft.timeLimitSeconds | ten  | a whole number of at least 1",
      "weft.stallTimeoutSeconds | 0  | a whole number of at least 1",
      "weft.resetStatics    | maybe | true or false",
  })
  void aBadValueFailsNamingParameterValueAndChoices(String name, String value, String valid) {
    Throwable thrown = new Kit(reports).with(name, value)
        .failure(Counters.class, "lockedIncrements");

    assertThat(Programs.RUNS).hasValue(0);
    assertThat(thrown)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration parameter " + name + "=\"" + value
            + "\": expected " + valid + ", e.g. -D" + name + "=");
  }

  @Test
  void aPlainFieldRaceFailsUnlessTheBenignRacesParameterNamesTheField(@TempDir Path other) {
    Throwable race = new Kit(reports).failure(PlainFields.class, "unorderedWrites");
    assertThat(race.getMessage()).startsWith("DATA RACE on field Box.value (int)");

    Programs.reset();
    new Kit(other).with("weft.benignRaces", "dev.weft.junit.fixtures.PlainFields$Box.value")
        .passes(PlainFields.class, "unorderedWrites");
    assertThat(Programs.RUNS).hasValue(50);
  }

  @Test
  void aBadBenignRacesPatternFailsNamingIt() {
    Throwable thrown = new Kit(reports).with("weft.benignRaces", "com..acme")
        .failure(PlainFields.class, "unorderedWrites");

    assertThat(Programs.RUNS).hasValue(0);
    assertThat(thrown)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration parameter weft.benignRaces=\"com..acme\": ")
        .hasMessageContaining("empty part");
  }

  @Test
  void aGarbageReplayParameterFailsNamingIt() {
    Throwable thrown = new Kit(reports).with("weft.replay", "W1.garbage")
        .failure(Counters.class, "lockedIncrements");

    assertThat(Programs.RUNS).hasValue(0);
    assertThat(thrown)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration parameter weft.replay=\"W1.garbage\": ")
        .hasMessageContaining("it starts with \"W1.\"");
  }

  @Test
  void aBlankValueCountsAsNotGiven() {
    new Kit(reports).with("weft.iterations", " ").with("weft.replay", "")
        .passes(Counters.class, "lockedIncrements");
    assertThat(Programs.RUNS).hasValue(50);
  }
}
