package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.junit.FailureMessages.Source;
import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.Programs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every race test says in one line what it explored: published, and on the console. */
class SummaryTest {
  @TempDir
  Path reports;

  private static RaceSettings settings(Options options, String token, Set<Failure.Kind> expect) {
    return new RaceSettings(options, token, token == null ? null : RaceSettings.REPLAY, expect,
        Path.of("reports"));
  }

  private static Result passed(int executions, long millis) {
    return HandMade.timed(HandMade.passed(executions, 42, ""), Duration.ofMillis(millis));
  }

  private static Result failed(int executions, long millis) {
    return HandMade.timed(HandMade.failed(executions, 42, Failure.Kind.DATA_RACE,
        "DATA RACE on java.util.HashMap", "W1.x", List.of(), ""), Duration.ofMillis(millis));
  }

  @Test
  void aPassingExplorationSaysHowManyExecutionsHowLongWhichStrategyAndSeed() {
    RaceSettings settings = settings(Options.defaults(), null, Set.of());

    assertThat(Summary.line(passed(1000, 2_140), Source.EXPLORED, settings))
        .isEqualTo("1000 executions in 2.1 s, POS seed 42, no failure");
    assertThat(Summary.line(passed(1000, 840), Source.EXPLORED,
        settings(Options.defaults().strategy(Strategy.RANDOM), null, Set.of())))
        .isEqualTo("1000 executions in 840 ms, RANDOM seed 42, no failure");
  }

  @Test
  void anExplorationThatStoppedEarlySaysHowManyItWasToRunAndWhy() {
    Options options = Options.defaults().iterations(1000).timeLimit(Duration.ofSeconds(2));

    assertThat(Summary.line(passed(312, 2_040), Source.EXPLORED, settings(options, null, Set.of())))
        .isEqualTo("312 of 1000 executions in 2.0 s, stopped by the time limit, POS seed 42,"
            + " no failure");
    assertThat(Summary.line(passed(3, 20), Source.EXPLORED, settings(options, null, Set.of())))
        .isEqualTo("3 of 1000 executions in 20 ms, POS seed 42, no failure");
  }

  @Test
  void aFailureSaysWhatWasFoundAndWhetherItWasExpected() {
    Options options = Options.defaults();

    assertThat(Summary.line(failed(1, 30), Source.EXPLORED, settings(options, null, Set.of())))
        .isEqualTo("1 execution in 30 ms, POS seed 42, found DATA_RACE");
    assertThat(Summary.line(failed(12, 300), Source.EXPLORED,
        settings(options, null, Set.of(Failure.Kind.DATA_RACE))))
        .isEqualTo("12 executions in 300 ms, POS seed 42, found the expected DATA_RACE");
  }

  @Test
  void aReplaySaysWhatItReplayed() {
    Options options = Options.defaults();

    assertThat(Summary.line(passed(1, 45), Source.REPLAYED, settings(options, "W1.abc", Set.of())))
        .isEqualTo("1 execution in 45 ms, replay of W1.abc, no failure");
    assertThat(Summary.line(failed(1, 45), Source.RECORDED, settings(options, null, Set.of())))
        .isEqualTo("1 execution in 45 ms, replay of the failure recorded by the previous run,"
            + " found DATA_RACE");
  }

  @Test
  void aPassingRaceTestPublishesTheLineAndPrintsIt() {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<String> notes;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      notes = new Kit(reports).with("weft.seed", "11").passes(Counters.class, "lockedIncrements");
    } finally {
      System.setOut(console);
    }

    assertThat(Programs.RUNS).hasValue(50);
    String line = "50 executions in \\d+ ms, POS seed 11, no failure";
    assertThat(notes).singleElement().asString().matches(line);
    assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("weft: " + line + "\n");
  }
}
