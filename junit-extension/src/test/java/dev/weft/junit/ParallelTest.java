package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.junit.fixtures.ParallelMix;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Race tests that JUnit runs in parallel take turns and each gets its own, correct result. */
class ParallelTest {
  @TempDir
  Path reports;

  @Test
  void parallelRaceTestsGetIndependentCorrectResults() {
    ParallelMix.reset();
    EngineExecutionResults results = new Kit(reports)
        .with("junit.jupiter.execution.parallel.enabled", "true")
        .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .run(selectClass(ParallelMix.class));

    Map<String, TestExecutionResult> outcomes = new HashMap<>();
    results.testEvents().finished().stream().forEach(e -> outcomes.put(method(e),
        e.getPayload(TestExecutionResult.class).orElseThrow()));

    assertThat(outcomes).hasSize(8);
    assertPassed(outcomes, "lockedA", "lockedB", "consistent", "expectedDeadlock");
    assertFailedWith(outcomes, "lostUpdateA", "lost update");
    assertFailedWith(outcomes, "lostUpdateB", "lost update");
    assertFailedWith(outcomes, "deadlock", "DEADLOCK");
    assertFailedWith(outcomes, "expectedDeadlockMissing",
        "expected DEADLOCK, found none in 30 executions");
    assertThat(ParallelMix.MAX_ACTIVE.get()).as("tests in progress at once").isGreaterThan(1);
    assertThat(BodyOverlap.max()).as("bodies running at once").isEqualTo(1);
    assertThat(reports.resolve(ParallelMix.class.getName()))
        .isDirectoryContaining("glob:**/lostUpdateA.json")
        .isDirectoryContaining("glob:**/deadlock.json")
        .isDirectoryNotContaining("glob:**/lockedA.json");
  }

  private static String method(Event e) {
    return ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName();
  }

  private static void assertPassed(Map<String, TestExecutionResult> outcomes, String... names) {
    for (String name : names) {
      assertThat(outcomes.get(name).getStatus())
          .as("%s: %s", name, outcomes.get(name).getThrowable())
          .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }
  }

  private static void assertFailedWith(Map<String, TestExecutionResult> outcomes, String name,
      String text) {
    TestExecutionResult result = outcomes.get(name);
    assertThat(result.getStatus()).as(name).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.getThrowable().orElseThrow()).as(name).hasMessageContaining(text);
  }
}
