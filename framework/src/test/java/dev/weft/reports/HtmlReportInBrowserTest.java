package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads failures' HTML pages in a real headless browser (Debian's chromium) and checks what a
 * person sees, at 1280 and 800 pixels wide: one lane per thread, the failure's events
 * highlighted and linked to parts that exist, both blocked attempts of a deadlock in their lanes,
 * nothing wider than the window, and nothing from the program interpreted as markup. Skips with a
 * clear message where no browser is installed.
 */
class HtmlReportInBrowserTest {
  private static final String EVIL = "<img src=x onerror=alert(1)>";
  private static final int HEIGHT = 1600;

  @TempDir static Path dir;
  private static String browser;
  private static Path race;
  private static Path deadlock;
  private static Path longWhere;
  private static String token;

  @BeforeAll
  static void writePages() throws IOException {
    browser = findBrowser();
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
    token = result.failure().orElseThrow().replayToken();
    // As the JUnit extension shows it: the page shows whatever replay command it is given.
    race = write("race.html", result.htmlPage("-Dweft.replay=" + token));
    deadlock = write("deadlock.html", DeadlockRowsTest.deadlock().htmlPage());
    longWhere = write("long-where.html",
        AVeryLongSourceFileNameForTheWhereColumnTest.race().htmlPage());
  }

  @Test
  void showsOneLanePerThreadAndHighlightsBothAccesses() throws Exception {
    String dom = dumpDom(race, 1280);

    assertThat(count(dom, "class=\"head lane-head\"")).as(dom).isEqualTo(3);
    assertThat(count(dom, "class=\"event conflict\"")).as(dom).isEqualTo(2);
    assertThat(dom).contains("id=\"conflict-1\"").contains("id=\"conflict-2\"")
        .contains("-Dweft.replay=" + token);
    // The program's text is shown, never parsed: no element was created from it.
    assertThat(dom).doesNotContain("<img src=\"x\"").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void everyLinkOfAHighlightedEventHasItsTarget() throws Exception {
    for (Path page : List.of(race, deadlock, longWhere)) {
      String dom = dumpDom(page, 1280);
      Matcher links = Pattern.compile("<div class=\"event conflict\"[^>]*><a href=\"#([^\"]+)\"")
          .matcher(dom);
      Set<String> targets = new HashSet<>();
      while (links.find()) targets.add(links.group(1));
      assertThat(targets).as(page + "\n" + dom).hasSizeGreaterThanOrEqualTo(2);
      for (String target : targets) {
        assertThat(dom).as(page.toString()).contains("id=\"" + target + "\"");
      }
      Matcher every = Pattern.compile("href=\"#([^\"]*)\"").matcher(dom);
      while (every.find()) {
        assertThat(dom).as(page + ": #" + every.group(1)).contains("id=\"" + every.group(1) + "\"");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 800})
  void aScreenshotOfEachPageIsAsWideAsTheWindowAndNotBlank(int width) throws Exception {
    for (Path page : List.of(race, deadlock)) {
      Path png = dir.resolve(page.getFileName() + "-" + width + ".png");
      run("--screenshot=" + png, "--window-size=" + width + "," + HEIGHT, "--hide-scrollbars",
          page.toUri().toString());
      assertThat(png).exists();
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(width);
      assertThat(image.getHeight()).isEqualTo(HEIGHT);
      assertThat(colours(image)).as("colours in " + png).isGreaterThan(8);
      assertThat(inkFraction(image)).as("non-white share of " + png).isGreaterThan(0.02);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 800})
  void nothingIsWiderThanTheWindowAndWhereCellsAreNeverCut(int width) throws Exception {
    for (Path page : List.of(race, deadlock, longWhere)) {
      String result = layout(page, width);
      assertThat(result).as(page + " at " + width).startsWith("width=" + width + " ")
          .endsWith(" bad=[]");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 800})
  void theDeadlockLanesShowBothBlockedAttemptsInView(int width) throws Exception {
    String result = layout(deadlock, width);
    Matcher m = Pattern.compile("conflict lane=(\\d+) visible=(true|false) text=([^|]*)\\|")
        .matcher(result);
    Set<String> lanes = new HashSet<>();
    while (m.find()) {
      assertThat(m.group(2)).as(result).isEqualTo("true");
      assertThat(m.group(3)).as(result).contains("waits for monitor of JobQueue@");
      lanes.add(m.group(1));
    }
    assertThat(lanes).as(result).containsExactlyInAnyOrder("0", "1");
  }

  /**
   * Loads a test-only copy of {@code page} with a script that measures the layout at {@code
   * width} and writes what it found into the DOM, which the browser then dumps: the window's
   * width, each highlighted event (its lane, whether it is in view, its text), and {@code bad=}
   * every element that is wider than the window or cut (a {@code pre}, a table, a lane or a
   * {@code where} cell whose content is wider than its box).
   */
  private static String layout(Path page, int width) throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Path copy = dir.resolve("layout-" + width + "-" + page.getFileName());
    Files.writeString(copy, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
    String dom = dumpDom(copy, width);
    Matcher m = Pattern.compile("<div id=\"weft-layout\">([^<]*)</div>").matcher(dom);
    assertThat(m.find()).as(dom).isTrue();
    return m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
        .replace("&quot;", "\"");
  }

  private static final String MEASURE = "<script>(function(){"
      + "var w=window.innerWidth,vw=document.documentElement.clientWidth,bad=[],out='';"
      + "var de=document.documentElement;"
      + "if(de.scrollWidth>w)bad.push('document '+de.scrollWidth);"
      + "document.querySelectorAll('body *').forEach(function(e){"
      + "var r=e.getBoundingClientRect();if(r.width>0&&r.right>vw+1)"
      + "bad.push(e.tagName+'.'+e.className+'#'+e.id+' right='+Math.round(r.right));});"
      + "document.querySelectorAll('pre,table,.part,.scroll,.lanes,.where,.event').forEach(function(e){"
      + "if(e.scrollWidth>e.clientWidth+1)bad.push('cut '+e.tagName+'.'+e.className+' '"
      + "+e.scrollWidth+'>'+e.clientWidth);});"
      + "document.querySelectorAll('.event.conflict').forEach(function(e){"
      + "var r=e.getBoundingClientRect();out+='conflict lane='+e.dataset.lane+' visible='"
      + "+(r.width>0&&r.height>0&&r.left>=0&&r.right<=vw+1)+' text='"
      + "+e.textContent.replace(/\\|/g,'/')+'|';});"
      + "var d=document.createElement('div');d.id='weft-layout';"
      + "d.textContent='width='+w+' '+out+' bad='+JSON.stringify(bad);"
      + "document.body.appendChild(d);})();</script>";

  private static String dumpDom(Path page, int width) throws Exception {
    return run("--dump-dom", "--window-size=" + width + "," + HEIGHT, page.toUri().toString());
  }

  private static String run(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(browser, "--headless",
        "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(arguments));
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly();
    assertThat(ended).as("chromium ended").isTrue();
    assertThat(Files.readString(stderr)).doesNotContain("Uncaught");
    return out;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) seen.add(image.getRGB(x, y) & 0xffffff);
    }
    return seen.size();
  }

  private static double inkFraction(BufferedImage image) {
    long ink = 0;
    long all = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        all++;
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
      }
    }
    return (double) ink / all;
  }

  private static Path write(String name, String html) throws IOException {
    Path page = dir.resolve(name);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  private static String findBrowser() {
    for (String path : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(path, name);
        if (Files.isExecutable(candidate)) return candidate.toString();
      }
    }
    return null;
  }
}
