package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.junit.fixtures.Lifecycle;
import dev.weft.junit.fixtures.Misuse;
import dev.weft.junit.fixtures.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What runs once and what runs per execution; misuse is rejected. */
class LifecycleTest {
  @TempDir
  Path reports;

  @Test
  void lifecycleMethodsRunOnceAndTheBodyOncePerExecution() {
    Lifecycle.reset();
    EngineExecutionResults results = new Kit(reports).run(selectClass(Lifecycle.class));

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(Programs.RUNS).hasValue(20);
    assertThat(Lifecycle.INSTANCES).hasSize(1);
    assertThat(Lifecycle.PLAIN).hasValue(1);
    assertThat(Lifecycle.BEFORE_EACH).hasValue(2);
    assertThat(Lifecycle.AFTER_EACH).hasValue(2);
  }

  @Test
  void aRaceTestThatIsAlsoATestTemplateFailsAsEveryTestJUnitMakesOfIt() {
    EngineExecutionResults results = new Kit(reports)
        .runWithoutDiscoveryWarnings(selectMethod(Misuse.class, "repeated"));

    // JUnit makes a plain test and a template with two invocations of the method.
    results.testEvents().assertStatistics(s -> s.started(3).failed(3).succeeded(0));
    assertThat(results.testEvents().failed().stream().map(Kit::thrown))
        .allSatisfy(t -> assertThat(t)
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith("@RaceTest cannot be combined with a test template"));
    assertThat(Programs.RUNS).hasValue(0);
  }

  @Test
  void aRaceTestThatIsAlsoATestFactoryFails() {
    EngineExecutionResults results = new Kit(reports)
        .runWithoutDiscoveryWarnings(selectMethod(Misuse.class, "factory"));

    assertThat(results.allEvents().failed().stream().map(Kit::thrown))
        .singleElement()
        .satisfies(t -> assertThat(t)
            .hasMessageStartingWith("@RaceTest cannot be combined with @TestFactory"));
    assertThat(results.allEvents().succeeded().stream()
        .filter(e -> e.getTestDescriptor().isTest())).isEmpty();
    assertThat(Programs.RUNS).hasValue(0);
  }
}
