package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every reported failure of the probes must satisfy: the schedule was shrunk to at most two
 * preemptions (all probe bugs need only two threads), and the interleaving fits a terminal.
 */
public final class ShrinkChecks {
  private ShrinkChecks() {}

  private static final Pattern SHRUNK =
      Pattern.compile("Shrunk from (\\d+) preemptions / (\\d+) steps to (\\d+) / (\\d+)");
  private static final int MAX_ROWS = 30;

  public static void assertShrunkAndTraced(Result result) {
    String report = result.report();
    Matcher m = SHRUNK.matcher(report);
    assertThat(m.find()).as("shrink line in %s", report).isTrue();
    int before = Integer.parseInt(m.group(1));
    int after = Integer.parseInt(m.group(3));
    assertThat(after).as(report).isLessThanOrEqualTo(Math.min(2, before));
    int start = report.indexOf("  Interleaving:\n");
    assertThat(start).as("interleaving in %s", report).isNotNegative();
    // The rows: the lines after the title and the column header, before the legend's line.
    int end = report.lastIndexOf('\n', report.indexOf("(~ marks a switch", start));
    long rows = report.substring(start, end).lines().count() - 2;
    assertThat(rows).as(report).isBetween(1L, (long) MAX_ROWS);
  }
}
