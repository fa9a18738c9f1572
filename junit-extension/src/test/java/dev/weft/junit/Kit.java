package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.junit.fixtures.Fixture;
import dev.weft.junit.fixtures.Programs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixtures through the JUnit Platform test kit, isolated from this JVM's own system
 * properties and with reports in a directory of the test's own.
 */
final class Kit {
  private static final Pattern TOKEN = Pattern.compile("Reproduce with: -Dweft\\.replay=(\\S+)");

  private final Map<String, String> config = new LinkedHashMap<>();
  private boolean implicitParameters;

  Kit(Path reportsDir) {
    config.put(Fixture.ENABLED, "true");
    if (reportsDir != null) config.put(RaceSettings.REPORTS_DIR, reportsDir.toString());
  }

  /** Adds a configuration parameter. */
  Kit with(String key, String value) {
    config.put(key, value);
    return this;
  }

  /** Lets the run see system properties and junit-platform.properties, as a real run does. */
  Kit withImplicitParameters() {
    implicitParameters = true;
    return this;
  }

  /** Runs the selected tests; resets {@link Programs#RUNS} first. */
  EngineExecutionResults run(DiscoverySelector... selectors) {
    Programs.reset();
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(implicitParameters)
        .configurationParameters(config)
        .selectors(selectors)
        .execute();
  }

  /**
   * Runs tests whose discovery JUnit warns about on purpose (the misuse fixtures), without
   * printing those warnings into the build log.
   */
  EngineExecutionResults runWithoutDiscoveryWarnings(DiscoverySelector... selectors) {
    Logger notifier = Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");
    Level before = notifier.getLevel();
    notifier.setLevel(Level.SEVERE);
    try {
      return run(selectors);
    } finally {
      notifier.setLevel(before);
    }
  }

  /** Runs one test method that must fail, as exactly one test, and returns what it threw. */
  Throwable failure(Class<?> fixture, String method) {
    EngineExecutionResults results = run(selectMethod(fixture, method));
    return onlyFailure(results);
  }

  /** Runs one test method that must pass, as exactly one test; returns its report entries. */
  List<String> passes(Class<?> fixture, String method) {
    EngineExecutionResults results = run(selectMethod(fixture, method));
    Optional<Throwable> thrown = results.testEvents().failed().stream()
        .map(Kit::thrown).findFirst();
    assertThat(thrown).as("%s#%s should pass", fixture.getSimpleName(), method)
        .isEmpty();
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    return notes(results);
  }

  static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.started(1).failed(1).succeeded(0));
    return thrown(results.testEvents().failed().list().get(0));
  }

  static Throwable thrown(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** The values of the "weft" report entries the run published. */
  static List<String> notes(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("weft"))
        .filter(v -> v != null)
        .toList();
  }

  /** The replay token a failure message ends with. */
  static String token(String message) {
    Matcher m = TOKEN.matcher(message);
    assertThat(m.find()).as("no token in: %s", message).isTrue();
    return m.group(1);
  }
}
