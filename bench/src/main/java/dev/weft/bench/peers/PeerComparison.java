package dev.weft.bench.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Weft and Lincheck on the same {@link Subject}s, each tool in a JVM of its own (both are agents
 * that rewrite the same classes), several rounds each. Prints one Markdown table: how often each
 * tool gave the right verdict, the median time to it, and for Weft the median executions.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench package exec:exec
 * -Dbench.main=dev.weft.bench.peers.PeerComparison -Dbench.args=5}; {@code -Dbench.args="5 weft"}
 * runs one tool only.
 */
public final class PeerComparison {
  private PeerComparison() {}

  /** A tool that checks one subject. */
  interface Tool {
    String name();

    Verdict check(Subject subject, int round);
  }

  /**
   * One check's outcome: {@code found} names what was reported (empty when nothing was), and
   * {@code executions} is -1 when the tool does not say.
   */
  record Verdict(String found, long millis, long executions) {}

  private static final long CHILD_TIMEOUT_MINUTES = 20;

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("child")) {
      runChild(args[1].equals("weft") ? new WeftRunner() : new LincheckRunner(),
          Integer.parseInt(args[2]));
      return;
    }
    String[] words = String.join(" ", args).trim().split("\\s+");
    int rounds = words[0].isEmpty() ? 5 : Integer.parseInt(words[0]);
    String only = words.length > 1 ? words[1] : "both";
    if (!List.of("both", "weft", "lincheck").contains(only)) {
      throw new IllegalArgumentException("unknown tool \"" + only
          + "\": give weft, lincheck or nothing (both), as in -Dbench.args=\"3 weft\"");
    }
    List<Subject> subjects = Subject.all();
    List<List<Verdict>> weft = only.equals("lincheck") ? none(subjects.size())
        : inChild("weft", rounds, subjects.size());
    List<List<Verdict>> lincheck = only.equals("weft") ? none(subjects.size())
        : inChild("lincheck", rounds, subjects.size());
    System.out.printf("JDK %s, %d rounds per subject, %d threads x %d calls%n%n",
        Runtime.version(), rounds, Subject.THREADS, Subject.CALLS_PER_THREAD);
    System.out.println("| object | has a bug | Weft: right verdict | Weft: median time,"
        + " executions | Weft reports | Lincheck: right verdict | Lincheck: median time |"
        + " Lincheck reports |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", s.name(),
          s.buggy() ? "yes" : "no", right(s, weft.get(i)), medianTime(weft.get(i)) + ", "
              + medianExecutions(weft.get(i)), reported(weft.get(i)), right(s, lincheck.get(i)),
          medianTime(lincheck.get(i)), reported(lincheck.get(i)));
    }
  }

  /** No verdicts: the tool was not run. */
  private static List<List<Verdict>> none(int subjects) {
    List<List<Verdict>> verdicts = new ArrayList<>();
    for (int i = 0; i < subjects; i++) verdicts.add(List.of());
    return verdicts;
  }

  private static void runChild(Tool tool, int rounds) {
    List<Subject> subjects = Subject.all();
    for (int i = 0; i < subjects.size(); i++) {
      for (int round = 0; round < rounds; round++) {
        Verdict v;
        long start = System.nanoTime();
        try {
          v = tool.check(subjects.get(i), round);
        } catch (Throwable error) {
          v = new Verdict("crashed: " + error.getClass().getSimpleName(),
              (System.nanoTime() - start) / 1_000_000, -1);
        }
        System.out.printf("RESULT\t%d\t%s\t%d\t%d%n", i, v.found(), v.millis(), v.executions());
        System.out.flush();
      }
    }
  }

  /** Runs one tool's rounds in a fresh JVM: Weft's with Weft's agent, Lincheck's without. */
  private static List<List<Verdict>> inChild(String tool, int rounds, int subjects)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (jvmArgument.startsWith("-javaagent:") && tool.equals("weft")) command.add(jvmArgument);
    }
    command.addAll(List.of("-Xshare:off", "-XX:+EnableDynamicAgentLoading", "-cp",
        System.getProperty("java.class.path"), PeerComparison.class.getName(), "child", tool,
        Integer.toString(rounds)));
    Path log = Files.createDirectories(Path.of("target")).resolve("peers-" + tool + ".log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!child.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      System.out.println(tool + " did not finish within " + CHILD_TIMEOUT_MINUTES
          + " minutes; its results so far are in " + log);
    }
    List<List<Verdict>> verdicts = new ArrayList<>();
    for (int i = 0; i < subjects; i++) verdicts.add(new ArrayList<>());
    for (String line : Files.readAllLines(log)) {
      if (!line.startsWith("RESULT\t")) continue;
      String[] f = line.split("\t", -1);
      verdicts.get(Integer.parseInt(f[1]))
          .add(new Verdict(f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
    }
    return verdicts;
  }

  private static String right(Subject s, List<Verdict> verdicts) {
    if (verdicts.isEmpty()) return "-";
    long right = verdicts.stream().filter(v -> v.found().isEmpty() != s.buggy()).count();
    return right + " / " + verdicts.size();
  }

  private static String reported(List<Verdict> verdicts) {
    if (verdicts.isEmpty()) return "-";
    return String.join(", ", verdicts.stream().map(v -> v.found().isEmpty() ? "nothing"
        : v.found()).distinct().toList());
  }

  private static String medianTime(List<Verdict> verdicts) {
    long[] ms = verdicts.stream().mapToLong(Verdict::millis).sorted().toArray();
    return ms.length == 0 ? "-" : String.format("%.2f s", ms[ms.length / 2] / 1000.0);
  }

  private static String medianExecutions(List<Verdict> verdicts) {
    long[] n = verdicts.stream().mapToLong(Verdict::executions).filter(e -> e >= 0).sorted()
        .toArray();
    return n.length == 0 ? "-" : Long.toString(n[n.length / 2]);
  }
}
