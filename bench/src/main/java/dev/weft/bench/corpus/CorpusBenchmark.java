package dev.weft.bench.corpus;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import dev.weft.internal.agent.UncontrolledClasses;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs each corpus program plainly in a loop (no tool) and under {@code Weft.explore}, and prints
 * one Markdown table row per program: how often the plain loop shows the bug, what Weft reports,
 * after how many executions and seconds. Weft must find every bug the plain loop finds and report
 * nothing for the fixed programs.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench package exec:exec
 * -Dbench.main=dev.weft.bench.corpus.CorpusBenchmark} ({@code -Dbench.args=50} for 50 plain runs).
 */
public final class CorpusBenchmark {
  private CorpusBenchmark() {}

  private static final long PLAIN_RUN_TIMEOUT_MILLIS = 1_000;

  public static void main(String[] args) throws Exception {
    int plainRuns = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 200;
    System.out.println("Corpus on Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, " + plainRuns + " plain runs");
    StringBuilder header = new StringBuilder("| program | library | plain loop: bug shows |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (Strategy strategy : Strategy.values()) {
      header.append(" Weft, ").append(strategy).append(": result, executions, seconds |");
      rule.append("---|");
    }
    System.out.println(header.append(" as expected |"));
    System.out.println(rule.append("---|"));
    boolean allAsExpected = true;
    for (CorpusProgram program : Corpus.all()) {
      StringBuilder row = new StringBuilder();
      boolean found = false;
      boolean wrong = false;
      String wrongReport = "";
      for (Strategy strategy : Strategy.values()) {
        long start = System.nanoTime();
        Result result = Weft.explore(options().strategy(strategy), program.body()::run);
        double seconds = (System.nanoTime() - start) / 1e9;
        Failure.Kind kind = result.failure().map(Failure::kind).orElse(null);
        found |= kind != null && kind == program.expected();
        if (kind != null && kind != program.expected()) {
          wrong = true;
          wrongReport = firstLine(result.report());
        }
        row.append(String.format(Locale.ROOT, " %s, %d, %.1f s |",
            kind == null ? "passes" : kind.toString(), result.executions(), seconds));
      }
      // After Weft, which puts static fields back when it ends: a plain loop first would leave
      // its static state (a built singleton) as the state Weft's executions start from.
      int shown = plainLoop(program, plainRuns);
      row.insert(0, String.format(Locale.ROOT, "| %s | %s | %d / %d |", program.name(),
          program.library(), shown, plainRuns));
      // Every bug the plain loop shows must be found; nothing else may ever be reported.
      boolean asExpected = !wrong && (program.expected() == null || found);
      allAsExpected &= asExpected;
      row.append(asExpected ? " yes |" : " NO: " + wrongReport + " |");
      System.out.println(row);
    }
    System.out.println("Classes Weft could not instrument: " + UncontrolledClasses.all());
    if (!allAsExpected) System.exit(1);
  }

  static Options options() {
    return Options.defaults().iterations(1000).timeLimit(Duration.ofMinutes(2));
  }

  /** Runs the program plainly; a run that shows the bug or does not finish in time counts. */
  static int plainLoop(CorpusProgram program, int runs) throws InterruptedException {
    int shown = 0;
    for (int i = 0; i < runs; i++) {
      Object[] value = new Object[1];
      Throwable[] error = new Throwable[1];
      CountDownLatch finished = new CountDownLatch(1);
      Thread run = new Thread(() -> {
        try {
          value[0] = program.body().run();
        } catch (Throwable t) {
          error[0] = t;
        } finally {
          finished.countDown();
        }
      }, "plain-run-" + i);
      run.setDaemon(true);
      run.start();
      boolean done = finished.await(PLAIN_RUN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      if (!done || error[0] != null || program.bugShows().test(value[0])) shown++;
    }
    return shown;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
