package dev.weft.junit;

import dev.weft.Failure;
import dev.weft.Result;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The texts a {@link RaceTest} fails with. Surefire's XML report keeps only an assertion's
 * message, so a failure message carries everything: the whole report, where the report files are,
 * and how to replay the execution the JUnit way (the framework's report says nothing of JUnit).
 */
final class FailureMessages {
  private FailureMessages() {}

  /** {@code Reproduce with: -Dweft.replay=TOKEN}: how a JUnit user replays a failure. */
  static String reproduceLine(String token) {
    return "Reproduce with: " + replayParameter(token);
  }

  /** {@code -Dweft.replay=TOKEN}. */
  static String replayParameter(String token) {
    return "-D" + RaceSettings.REPLAY + "=" + token;
  }

  /** How the failing result came about. */
  enum Source {
    /** A normal exploration. */
    EXPLORED,
    /** The replay of the failure recorded by the previous run. */
    RECORDED,
    /** The replay of a token the user gave ({@code weft.replay} or {@code @RaceTest(replay)}). */
    REPLAYED
  }

  /**
   * The message of a failing result: an optional header, the report, the report file, the Maven
   * command, and as the last two lines the replay token as a parameter and as an attribute.
   */
  static String failed(Result result, Source source, RaceSettings settings, Class<?> testClass,
      String method, ReportStore store) {
    Failure failure = result.failure().orElseThrow();
    String token = failure.replayToken();
    StringBuilder sb = new StringBuilder();
    Set<Failure.Kind> expected = settings.expected();
    if (!expected.isEmpty() && !expected.contains(failure.kind())) {
      sb.append("expected ").append(kinds(expected)).append(", found ").append(failure.kind())
          .append(":\n");
    }
    switch (source) {
      case RECORDED -> sb.append("The failure recorded by the previous run still happens (")
          .append(store.shownJsonFile()).append(" was replayed first, in 1 execution):\n\n");
      case REPLAYED -> sb.append("The replayed execution (").append(settings.replaySource())
          .append(") fails:\n\n");
      case EXPLORED -> { }
    }
    sb.append(result.report("Report: " + store.shownTextFile() + " (and .json)\n"
        + "Run it again: " + mavenCommand(testClass, method, token) + "\n"
        + reproduceLine(token) + "\n"
        + "or: @RaceTest(replay = \"" + token + "\")"));
    return sb.toString();
  }

  /** For an {@code expect} test whose exploration found nothing. */
  static String noneFound(Set<Failure.Kind> expected, Result result) {
    return "expected " + kinds(expected) + ", found none in " + executions(result.executions())
        + " (seed " + result.seed() + ").\n" + result.report() + "\n"
        + "If the bug was fixed, drop expect; otherwise explore more executions"
        + " (iterations, or -D" + RaceSettings.ITERATIONS + "=).";
  }

  /** {@code DEADLOCK}, or {@code DEADLOCK or EXCEPTION}. */
  static String kinds(Set<Failure.Kind> kinds) {
    return kinds.stream().map(Enum::name).collect(Collectors.joining(" or "));
  }

  static String executions(int n) {
    return n + (n == 1 ? " execution" : " executions");
  }

  /** {@code mvn test -Dtest=Class#method -Dweft.replay=TOKEN}, quoted where a shell needs it. */
  static String mavenCommand(Class<?> testClass, String method, String token) {
    String name = testClass.getName().substring(testClass.getPackageName().length());
    if (name.startsWith(".")) name = name.substring(1);
    String test = "-Dtest=" + name + "#" + method;
    if (test.indexOf('$') >= 0) test = "'" + test + "'";
    return "mvn test " + test + " " + replayParameter(token);
  }
}
