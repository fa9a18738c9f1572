package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.Counters;
import dev.weft.junit.fixtures.Programs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misspelt weft.* parameter is not silently ignored: it gets a warning naming the right one. */
class UnknownParametersTest {
  @TempDir
  Path reports;

  @ParameterizedTest
  @CsvSource({
      "weft.iteration,    weft.iterations",
      "weft.Iterations,   weft.iterations",
      "weft.maxsteps,     weft.maxSteps",
      "weft.sead,         weft.seed",
      "weft.timeLimit,    weft.timeLimitSeconds",
      "weft.stallTimeout, weft.stallTimeoutSeconds",
      "weft.reportDir,    weft.reportsDir",
      "weft.replayToken,  weft.replay",
  })
  void aTypoIsMatchedToTheParameterItMeant(String typo, String meant) {
    assertThat(UnknownParameters.closest(typo, RaceSettings.PARAMETERS)).hasValue(meant);
  }

  @Test
  void aNameLikeNoParameterGetsTheListOfParameters() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("weft.iterations", UnknownParameters.SYSTEM_PROPERTY);
    given.put("weft.banana", UnknownParameters.PROPERTIES_FILE);

    assertThat(UnknownParameters.closest("weft.banana", RaceSettings.PARAMETERS)).isEmpty();
    assertThat(UnknownParameters.warnings(given, RaceSettings.PARAMETERS)).containsExactly(
        "Unknown configuration parameter weft.banana (junit-platform.properties) is ignored:"
            + " Weft reads " + String.join(", ", RaceSettings.PARAMETERS) + ".");
  }

  @Test
  void namesAreReadFromJunitPlatformProperties(@TempDir Path classes) throws Exception {
    Files.writeString(classes.resolve("junit-platform.properties"),
        "weft.iteration=5\nweft.seed=3\njunit.jupiter.execution.parallel.enabled=true\n");
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);
      Map<String, String> given = UnknownParameters.given();

      assertThat(given).containsEntry("weft.iteration", UnknownParameters.PROPERTIES_FILE)
          .containsEntry("weft.seed", UnknownParameters.PROPERTIES_FILE)
          .doesNotContainKey("junit.jupiter.execution.parallel.enabled");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  @Test
  void aMisspeltSystemPropertyIsWarnedAboutAndIgnored() {
    PrintStream console = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<String> first;
    List<String> second;
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setProperty("weft.iteration", "5");
    try {
      first = new Kit(reports).withImplicitParameters().passes(Counters.class, "lockedIncrements");
      second = new Kit(reports).withImplicitParameters().passes(Counters.class, "lockedIncrements");
    } finally {
      System.clearProperty("weft.iteration");
      System.setErr(console);
    }

    String warning = "Unknown configuration parameter weft.iteration (system property) is"
        + " ignored: did you mean weft.iterations?";
    assertThat(Programs.RUNS).hasValue(50);
    assertThat(first).contains(warning);
    assertThat(second).contains(warning);
    assertThat(printed.toString(StandardCharsets.UTF_8).split("\n", -1))
        .as("printed once per JVM").containsOnlyOnce("weft: " + warning);
  }
}
