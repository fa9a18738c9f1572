package dev.weft.maven;

import java.nio.file.Path;

/**
 * The JVM options of a test run with the Weft agent added: Surefire and Failsafe read them from
 * one property, which other plugins (JaCoCo) fill too, so Weft's options go after what is there.
 */
final class ArgLine {
  private ArgLine() {}

  /**
   * Turns off class data sharing, which the JVM otherwise warns about once the agent extends the
   * boot class path; it changes nothing else.
   */
  static final String NO_CLASS_DATA_SHARING = "-Xshare:off";

  /**
   * {@code existing} followed by the agent and {@link #NO_CLASS_DATA_SHARING}. Adding the same
   * agent twice changes nothing, so the goal may run more than once in a build; an explicit
   * {@code -Xshare} setting is left as it is.
   *
   * @param existing the property's value so far, or null when it is not defined
   */
  static String withAgent(String existing, Path agentJar) {
    String before = existing == null ? "" : existing.strip();
    String agent = quoted("-javaagent:" + agentJar);
    if (containsOption(before, agent)) return before;
    StringBuilder line = new StringBuilder(before);
    if (line.length() > 0) line.append(' ');
    line.append(agent);
    if (!before.contains("-Xshare:")) line.append(' ').append(NO_CLASS_DATA_SHARING);
    return line.toString();
  }

  /**
   * One option as Surefire splits its {@code argLine}: at white space, outside quotes. A path with
   * a space therefore goes in double quotes (single ones when it holds a double quote).
   */
  static String quoted(String option) {
    if (option.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
      return option;
    }
    return option.indexOf('"') < 0 ? '"' + option + '"' : "'" + option + "'";
  }

  private static boolean containsOption(String line, String option) {
    for (int at = line.indexOf(option); at >= 0; at = line.indexOf(option, at + 1)) {
      int end = at + option.length();
      boolean startsOption = at == 0 || Character.isWhitespace(line.charAt(at - 1));
      boolean endsOption = end == line.length() || Character.isWhitespace(line.charAt(end));
      if (startsOption && endsOption) return true;
    }
    return false;
  }
}
