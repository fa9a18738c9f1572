package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a failure's HTML page in a real headless browser (Debian's chromium) and checks what a
 * person sees: one lane per thread, the two conflicting accesses highlighted, nothing from the
 * program interpreted as markup. Skips with a clear message where no browser is installed.
 */
class HtmlReportInBrowserTest {
  private static final String EVIL = "<img src=x onerror=alert(1)>";

  @Test
  void showsOneLanePerThreadAndHighlightsBothAccesses(@TempDir Path dir) throws Exception {
    String browser = findBrowser();
    assumeTrue(browser != null,
        "no chromium on PATH: install it (apt-get install chromium) to run the browser test");
    Result result = Weft.explore(Options.defaults().seed(7).iterations(100), () -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = new Thread(() -> map.put(EVIL, 1), "writer " + EVIL);
      Thread b = new Thread(() -> map.put("b", 2), "second");
      a.start();
      b.start();
      a.join();
      b.join();
    });
    assertThat(result.failed()).as(result.report()).isTrue();
    Path page = dir.resolve("race.html");
    String token = result.failure().orElseThrow().replayToken();
    // As the JUnit extension shows it: the page shows whatever replay command it is given.
    Files.writeString(page, result.htmlPage("-Dweft.replay=" + token), StandardCharsets.UTF_8);

    Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));

    assertThat(stderr).doesNotContain("Uncaught");
    assertThat(count(dom, "class=\"head lane-head\"")).as(dom).isEqualTo(3);
    assertThat(count(dom, "class=\"event conflict\"")).as(dom).isEqualTo(2);
    assertThat(dom).contains("id=\"conflict-1\"").contains("id=\"conflict-2\"")
        .contains("-Dweft.replay=" + token);
    // The program's text is shown, never parsed: no element was created from it.
    assertThat(dom).doesNotContain("<img src=\"x\"").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  private static String findBrowser() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) return candidate.toString();
      }
    }
    return null;
  }
}
