package dev.weft.bench.corpus;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import dev.weft.internal.agent.UncontrolledClasses;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs each corpus program under {@code Weft.explore}, with Weft's default strategy and with the
 * random walk, then plainly in a loop (no tool, {@link PlainLoop}), and prints one Markdown table
 * row per program: how often the plain loop shows the bug, what Weft reports, after how many
 * executions and seconds. Weft with its default strategy must find every bug (every bug the plain
 * loop finds among them), and no strategy may report anything for the fixed programs or another
 * failure for the buggy ones.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench package exec:exec
 * -Dbench.main=dev.weft.bench.corpus.CorpusBenchmark} ({@code -Dbench.args=50} for 50 plain runs, {@code "-Dbench.args=50 timed"} for 50 of each
 * program whose name contains "timed").
 */
public final class CorpusBenchmark {
  private CorpusBenchmark() {}

  /** Weft's default strategy, then the uniformly random walk as the baseline beside it. */
  static List<Strategy> strategies() {
    return Stream.of(Options.defaults().strategy(), Strategy.RANDOM).distinct().toList();
  }

  public static void main(String[] args) {
    int status;
    try {
      // Maven's exec passes -Dbench.args as one argument: its words are split here.
      String[] words = String.join(" ", args).trim().split("\\s+");
      int plainRuns = words[0].isEmpty() ? 200 : Integer.parseInt(words[0]);
      status = run(plainRuns, words.length > 1 ? words[1] : "");
    } catch (Throwable t) {
      t.printStackTrace();
      status = 2;
    }
    // The threads of plain runs that never ended are still blocked, and they are not daemon
    // threads (PlainLoop): without exit the JVM would wait for them forever.
    System.exit(status);
  }

  /** Runs the programs whose name contains {@code only} (all of them for ""). */
  private static int run(int plainRuns, String only) throws Exception {
    System.out.println("Corpus on Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, " + plainRuns + " plain runs");
    StringBuilder header = new StringBuilder("| program | library | plain loop: bug shows |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (Strategy strategy : strategies()) {
      header.append(" Weft, ").append(label(strategy)).append(": result, executions, seconds |");
      rule.append("---|");
    }
    System.out.println(header.append(" as expected |"));
    System.out.println(rule.append("---|"));
    boolean allAsExpected = true;
    for (CorpusProgram program : Corpus.all()) {
      if (!program.name().contains(only)) continue;
      StringBuilder row = new StringBuilder();
      boolean foundByDefault = false;
      boolean wrong = false;
      String wrongReport = "";
      for (Strategy strategy : strategies()) {
        long start = System.nanoTime();
        Result result = Weft.explore(options().strategy(strategy), program.body()::run);
        double seconds = (System.nanoTime() - start) / 1e9;
        Failure.Kind kind = result.failure().map(Failure::kind).orElse(null);
        if (strategy == Options.defaults().strategy()) {
          foundByDefault = kind != null && kind == program.expected();
        }
        if (kind != null && kind != program.expected()) {
          wrong = true;
          wrongReport = firstLine(result.report());
        }
        row.append(String.format(Locale.ROOT, " %s, %d, %.1f s |",
            kind == null ? "passes" : kind.toString(), result.executions(), seconds));
      }
      // After Weft, which puts static fields back when it ends: a plain loop first would leave
      // its static state (a built singleton) as the state Weft's executions start from.
      int shown = PlainLoop.count(program, plainRuns);
      row.insert(0, String.format(Locale.ROOT, "| %s | %s | %d / %d |", program.name(),
          program.library(), shown, plainRuns));
      // Weft as a user runs it, with the default strategy, must find every bug (the plain loop's
      // among them), and no strategy may ever report anything else.
      boolean missed = program.expected() != null && !foundByDefault;
      allAsExpected &= !wrong && !missed;
      row.append(wrong ? " NO: " + wrongReport + " |"
          : missed ? " NO: the default strategy misses it |" : " yes |");
      System.out.println(row);
    }
    System.out.println("Classes Weft could not instrument: " + UncontrolledClasses.all());
    return allAsExpected ? 0 : 1;
  }

  /** The column's name: the default strategy says so, the random walk says what it is. */
  private static String label(Strategy strategy) {
    if (strategy == Options.defaults().strategy()) return strategy + " (default)";
    return strategy == Strategy.RANDOM ? "RANDOM (random walk)" : strategy.toString();
  }

  static Options options() {
    return Options.defaults().iterations(1000).timeLimit(Duration.ofMinutes(2));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
