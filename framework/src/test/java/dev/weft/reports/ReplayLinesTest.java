package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report names no build tool: it ends with how the API replays the failure, and whoever shows
 * it can end it with its own way instead.
 */
class ReplayLinesTest {
  private static Result result;
  private static String token;

  @BeforeAll
  static void findARace() {
    result = Weft.explore(Options.defaults().seed(7).iterations(100), () -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = new Thread(() -> map.put("a", 1));
      a.start();
      map.put("b", 2);
      a.join();
    });
    assertThat(result.failed()).as(result.report()).isTrue();
    token = result.failure().orElseThrow().replayToken();
  }

  @Test
  void theReportEndsWithTheApisReplayCall() {
    assertThat(result.report()).endsWith("\n\nReproduce with: Weft.replay(\"" + token + "\", body)")
        .doesNotContain("-Dweft").doesNotContain("@RaceTest");
    assertThat(result.report().split("Reproduce with", -1)).hasSize(2);
  }

  @Test
  void aToolEndsTheReportWithItsOwnLinesInstead() {
    String own = result.report("Replay: run it with TOKEN=" + token);
    assertThat(own).isEqualTo(result.report().substring(0,
        result.report().lastIndexOf("\n\nReproduce with: ")) + "\n\nReplay: run it with TOKEN="
        + token);
  }

  @Test
  void theHtmlPageShowsTheReplayCommandItIsGiven() {
    assertThat(result.htmlPage()).contains("<code id=\"replay\">Weft.replay(&quot;" + token
        + "&quot;, body)</code>").doesNotContain("-Dweft");
    assertThat(result.htmlPage("gradle test -Pweft=" + token))
        .contains("<code id=\"replay\">gradle test -Pweft=" + token + "</code>")
        .contains("Reproduce with: gradle test -Pweft=" + token)
        .doesNotContain("Weft.replay(");
  }

  @Test
  void aPassingResultHasNoReplayLineAndNoPage() {
    Result passed = Weft.explore(Options.defaults().seed(1).iterations(3), () -> { });
    assertThat(passed.report()).isEqualTo("No failure in 3 executions (seed 1, POS).");
    assertThat(passed.report("Reproduce with: x")).isEqualTo(passed.report());
    assertThat(passed.htmlPage()).isEmpty();
    assertThat(passed.htmlPage("x")).isEmpty();
  }
}
