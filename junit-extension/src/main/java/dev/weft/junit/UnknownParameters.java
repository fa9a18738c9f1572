package dev.weft.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds {@code weft.*} names that Weft does not read, so that a misspelt parameter
 * ({@code -Dweft.iteration=5}) is not silently ignored. It looks where an extension can list
 * names: system properties (which {@code -D} on the Maven command line becomes in the test JVM)
 * and {@code junit-platform.properties}. Surefire's {@code configurationParameters} reach the
 * JUnit Platform only by name, so a misspelling there cannot be seen.
 */
final class UnknownParameters {
  private UnknownParameters() {}

  static final String PREFIX = "weft.";
  static final String SYSTEM_PROPERTY = "system property";
  static final String PROPERTIES_FILE = "junit-platform.properties";

  /** The {@code weft.*} names given in this JVM, each with where it was given. */
  static Map<String, String> given() {
    Map<String, String> names = new LinkedHashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(PREFIX)) names.putIfAbsent(name, SYSTEM_PROPERTY);
    }
    for (String name : propertiesFile().stringPropertyNames()) {
      if (name.startsWith(PREFIX)) names.putIfAbsent(name, PROPERTIES_FILE);
    }
    return names;
  }

  /** One warning per unknown name of {@code given} (name to where it was given). */
  static List<String> warnings(Map<String, String> given, Collection<String> known) {
    List<String> warnings = new ArrayList<>();
    given.forEach((name, where) -> {
      if (known.contains(name)) return;
      String advice = closest(name, known)
          .map(match -> "did you mean " + match + "?")
          .orElseGet(() -> "Weft reads " + String.join(", ", known) + ".");
      warnings.add("Unknown configuration parameter " + name + " (" + where + ") is ignored: "
          + advice);
    });
    return warnings;
  }

  /**
   * The known name a typo most likely meant: the same name in other case, one that starts the
   * other ({@code weft.timeLimit}), or one a few edits away ({@code weft.iteration}).
   */
  static Optional<String> closest(String name, Collection<String> known) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerated = Math.max(2, (name.length() - PREFIX.length()) / 3);
    return bestDistance <= tolerated ? Optional.ofNullable(best) : Optional.empty();
  }

  /**
   * 0 for names that differ in case only, 1 where one name starts the other with at least four
   * characters after {@code weft.}, else the edit distance.
   */
  private static int distance(String a, String b) {
    if (a.equals(b)) return 0;
    String shorter = a.length() < b.length() ? a : b;
    String longer = shorter == a ? b : a;
    boolean startsIt = longer.startsWith(shorter) && shorter.length() >= PREFIX.length() + 4;
    return startsIt ? 1 : editDistance(a, b);
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The {@code junit-platform.properties} JUnit reads (the first on the class path), if any. */
  private static Properties propertiesFile() {
    Properties properties = new Properties();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = UnknownParameters.class.getClassLoader();
    URL file = loader.getResource(PROPERTIES_FILE);
    if (file == null) return properties;
    try (InputStream in = file.openStream()) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException unreadable) {
      // JUnit itself reports a file it cannot read; there is nothing to check in it.
    }
    return properties;
  }
}
