package dev.weft.internal.agent;

import java.util.List;

/**
 * Decides which classes are "application" code, instrumented at every synchronization point and
 * field access: everything except the JDK, Weft itself and test infrastructure, narrowed by the
 * user's {@code weft.instrument.include} and {@code weft.instrument.exclude} patterns. Those are
 * read when the agent starts, from system properties ({@code -Dweft.instrument.include=com.acme}
 * on the test JVM) or the agent's arguments ({@code -javaagent:weft.jar=include=com.acme;
 * exclude=com.acme.generated}): a class is instrumented when it loads, long before any {@code
 * Options} exist.
 */
public final class InstrumentationScope {
  private InstrumentationScope() {}

  /** Spelled in two parts so that relocating Weft's own copy does not rewrite it. */
  static final String BYTE_BUDDY = "net" + ".bytebuddy.";

  /** The system property (and configuration parameter) naming what alone is instrumented. */
  public static final String INCLUDE = "weft.instrument.include";
  /** The system property (and configuration parameter) naming what is never instrumented. */
  public static final String EXCLUDE = "weft.instrument.exclude";

  private static final List<String> EXCLUDED_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf.",
      "dev.weft.boot.", "dev.weft.internal.", "dev.weft.scheduler.",
      BYTE_BUDDY, "org.junit.", "junit.", "org.opentest4j.", "org.apiguardian.",
      "org.assertj.", "org.hamcrest.", "org.mockito.", "org.apache.maven.",
      "org.codehaus.plexus.", "org.openjdk.jmh.", "com.intellij.", "org.jetbrains.kotlinx.lincheck.",
      "org.gradle.", "worker.org.gradle.", "kotlin.", "org.jacoco.");

  /** The public API and the JUnit extension, not their subpackages (tests and examples). */
  private static final List<String> EXCLUDED_PACKAGES = List.of("dev.weft", "dev.weft.junit");

  private static volatile NamePatterns include = fromProperty(INCLUDE);
  private static volatile NamePatterns exclude = fromProperty(EXCLUDE);

  /** A bad property is reported, not thrown: the agent must start all the same. */
  private static NamePatterns fromProperty(String name) {
    try {
      return NamePatterns.parse(System.getProperty(name));
    } catch (IllegalArgumentException bad) {
      System.err.println("[weft] -D" + name + " is ignored: " + bad.getMessage());
      return NamePatterns.NONE;
    }
  }

  /**
   * Takes the patterns of the agent's argument string ({@code include=a.b,c.d;exclude=a.b.e}),
   * which win over the system properties. Anything else in it is reported and ignored.
   *
   * @throws IllegalArgumentException for a pattern that is not a name pattern
   */
  static void configure(String agentArguments) {
    if (agentArguments == null || agentArguments.isBlank()) return;
    for (String setting : agentArguments.split(";")) {
      int eq = setting.indexOf('=');
      String key = (eq < 0 ? setting : setting.substring(0, eq)).strip();
      String value = eq < 0 ? "" : setting.substring(eq + 1);
      switch (key) {
        case "include":
        case "instrument.include":
        case INCLUDE:
          include = NamePatterns.parse(value);
          break;
        case "exclude":
        case "instrument.exclude":
        case EXCLUDE:
          exclude = NamePatterns.parse(value);
          break;
        default:
          System.err.println("[weft] unknown agent argument \"" + setting.strip()
              + "\" is ignored: Weft's agent takes include=<patterns> and exclude=<patterns>,"
              + " separated by ';' (e.g. -javaagent:weft-framework.jar=include=com.acme)");
      }
    }
  }

  /** The include patterns in effect (empty: everything not excluded). */
  public static NamePatterns include() {
    return include;
  }

  /** The exclude patterns in effect. */
  public static NamePatterns exclude() {
    return exclude;
  }

  static boolean isApplicationClass(String binaryName) {
    for (String prefix : EXCLUDED_PREFIXES) {
      if (binaryName.startsWith(prefix)) return false;
    }
    int lastDot = binaryName.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : binaryName.substring(0, lastDot);
    if (EXCLUDED_PACKAGES.contains(pkg)) return false;
    // Relocated copies of libraries inside Weft's own jar.
    if (binaryName.contains(".shaded.")) return false;
    NamePatterns in = include;
    if (!in.isEmpty() && !in.matches(binaryName)) return false;
    return !exclude.matches(binaryName);
  }
}
