package dev.weft.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.junit.fixtures.Counters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a passing fixture in a JVM that {@link AgentMissingTest} starts without Weft's agent and
 * with attaching disabled, and prints each test's outcome as {@code OUTCOME <status> <message>}.
 */
final class NoAgentMain {
  private NoAgentMain() {}

  public static void main(String[] args) throws Exception {
    Path reports = Files.createTempDirectory("weft-no-agent");
    EngineExecutionResults results = new Kit(reports)
        .run(selectMethod(Counters.class, "lockedIncrements"));
    for (Event e : results.testEvents().finished().list()) {
      TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
      System.out.println("OUTCOME " + r.getStatus() + " "
          + r.getThrowable().map(Throwable::getMessage).orElse(""));
    }
  }
}
