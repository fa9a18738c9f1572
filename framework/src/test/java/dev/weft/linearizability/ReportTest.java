package dev.weft.linearizability;

import static dev.weft.linearizability.Explore.expectFailure;
import static dev.weft.linearizability.Explore.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Linearizability;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.Violation;
import dev.weft.internal.report.HistoryText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a NOT_LINEARIZABLE report says, and that its token replays the scenario. */
class ReportTest {

  private static void volatileCounter() {
    Linearizability.of(NotLinearizableObjectsTest.VolatileCounter::new)
        .operation("incrementAndGet", NotLinearizableObjectsTest.VolatileCounter::incrementAndGet)
        .operation("get", NotLinearizableObjectsTest.VolatileCounter::get)
        .check();
  }

  @Test
  void theReportShowsTheHistoryWhyAndTheReplayToken() throws IOException {
    Result result = expectFailure(Failure.Kind.NOT_LINEARIZABLE, ReportTest::volatileCounter);
    String report = result.report();
    String summary = report.lines().findFirst().orElseThrow();
    assertThat(summary)
        .startsWith("NOT LINEARIZABLE: no sequential order of VolatileCounter's calls explains")
        .contains("incrementAndGet() = ")
        .matches(".*\\(checked at ReportTest\\.java:\\d+\\)");
    int line = Integer.parseInt(summary.replaceAll(".*ReportTest\\.java:(\\d+)\\)", "$1"));
    assertThat(Files.readAllLines(Path.of("src/test/java/dev/weft/linearizability/ReportTest.java"))
        .get(line - 1)).contains(".check();");
    assertThat(report)
        .contains("in the order they started")
        .contains("    caller-1")
        .contains("* incrementAndGet() = ")
        .contains("  Why: no sequential order of these calls gives these results")
        .contains("  Closest order: ")
        .contains("  Fix: ")
        .contains("Checked against the implementation itself (a fresh VolatileCounter)")
        .contains("  Interleaving:")
        .contains("starts T1")
        .contains("Reproduce with: Weft.replay(\"" + result.failure().orElseThrow().replayToken() + "\", body)");
    // the threads start at the user's check() line, not inside Weft
    assertThat(report).doesNotContain("Linearizability.java").doesNotContain("ScenarioRun");
    assertThat(result.htmlPage()).contains("NOT_LINEARIZABLE").doesNotContain("<caller");
  }

  @Test
  void theHtmlPageShowsTheHistoryOfCallsWithTheConflictingCallsHighlighted() {
    Result result = expectFailure(Failure.Kind.NOT_LINEARIZABLE, ReportTest::volatileCounter);
    Violation violation = violation(result);
    String page = result.htmlPage();
    String section = page.substring(page.indexOf("<section id=\"history-calls\">"),
        page.indexOf("</section>", page.indexOf("<section id=\"history-calls\">")));
    assertThat(section).contains("<h2>History of calls</h2>").contains(">caller-1</div>");
    // one box per call, the conflicting ones marked as such
    int plain = section.split("<div class=\"call\"", -1).length - 1;
    int conflicting = section.split("<div class=\"call conflict\"", -1).length - 1;
    assertThat(plain + conflicting).isEqualTo(violation.history().size());
    assertThat(conflicting).isEqualTo(violation.conflicting().size()).isPositive();
    assertThat(section).contains("incrementAndGet() = ");
  }

  @Test
  void theTokenReplaysTheScenarioAndTheHistory() {
    Result found = expectFailure(Failure.Kind.NOT_LINEARIZABLE, ReportTest::volatileCounter);
    Result replayed =
        Weft.replay(found.failure().orElseThrow().replayToken(), ReportTest::volatileCounter);
    assertThat(replayed.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.NOT_LINEARIZABLE);
    Violation original = violation(found);
    Violation again = violation(replayed);
    assertThat(again.history().toString()).isEqualTo(original.history().toString());
    assertThat(again.conflicting()).isEqualTo(original.conflicting());
  }

  @Test
  void theHistoryTableHasAColumnPerThreadAndShowsOverlaps() {
    History history = HistoryBuilder.of("Counter", 3, CheckerTest.Counter::new)
        .operation("incrementAndGet", CheckerTest.Counter::incrementAndGet)
        .operation("get", CheckerTest.Counter::get)
        .call(1, "incrementAndGet", 0, 3, 1)
        .call(2, "incrementAndGet", 1, 2, 1)
        .call(2, "get", 4, 5, 1)
        .history();
    // thread 3 made no call: no column
    assertThat(HistoryText.render(history, Set.of(0, 1))).isEqualTo(""
        + "      caller-1                   caller-2\n"
        + "    * incrementAndGet() = 1\n"
        + "      |                        * incrementAndGet() = 1\n"
        + "                                 get() = 1\n");
  }
}
