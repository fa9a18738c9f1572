package dev.weft.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Whether a Surefire or Failsafe version can run Weft's tests. Versions before 2.22 do not know
 * the JUnit Platform at all (Maven 3's default, 2.12.4, runs no test and chokes on
 * {@code @{argLine}}); JUnit asks for 3.0.0 or later, which runs the JUnit Platform launcher that
 * matches the test class path.
 */
final class TestPluginVersion {
  private TestPluginVersion() {}

  /** The oldest Surefire and Failsafe that Weft accepts, as JUnit recommends. */
  static final String MINIMUM = "3.0.0";

  /** The version Weft is built and tested with, which the messages recommend. */
  static final String TESTED = testedVersion();

  /** What Maven 3 runs when a pom declares no Surefire version. */
  private static final String MAVEN_3_DEFAULT = "2.12.4";

  /**
   * The message that stops the build when {@code version} of {@code artifactId}
   * ({@code maven-surefire-plugin} or {@code maven-failsafe-plugin}) is too old, or empty.
   * A version that is not a number at all (an unresolved property) is left to Maven.
   */
  static Optional<String> problem(String artifactId, String version) {
    if (version == null || version.isBlank() || !Character.isDigit(version.charAt(0))) {
      return Optional.empty();
    }
    if (new ComparableVersion(version).compareTo(new ComparableVersion(MINIMUM)) >= 0) {
      return Optional.empty();
    }
    String why = version.equals(MAVEN_3_DEFAULT)
        ? " (" + MAVEN_3_DEFAULT + " is what Maven 3 uses when the pom declares no version)"
        : "";
    return Optional.of("Weft needs " + artifactId + " " + MINIMUM + " or newer, but this build"
        + " uses " + version + why + ". Older versions run no JUnit 5 or 6 test, or run them"
        + " with a JUnit launcher that does not match. Declare the version in <build><plugins>:\n"
        + "  <plugin>\n"
        + "    <artifactId>" + artifactId + "</artifactId>\n"
        + "    <version>" + TESTED + "</version>\n"
        + "  </plugin>");
  }

  private static String testedVersion() {
    Properties versions = new Properties();
    try (InputStream in = TestPluginVersion.class.getResourceAsStream("versions.properties")) {
      if (in == null) throw new IllegalStateException("versions.properties is missing");
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions.getProperty("surefire");
  }
}
