package dev.weft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestPluginVersionTest {
  @Test
  void theTestedVersionIsTheOneThisBuildRunsItsTestsWith() {
    assertThat(TestPluginVersion.TESTED).isEqualTo(System.getProperty("surefire.version"))
        .matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void mavensDefaultSurefireStopsTheBuildWithTheVersionToDeclare() {
    assertThat(TestPluginVersion.problem("maven-surefire-plugin", "2.12.4")).hasValue(
        "Weft needs maven-surefire-plugin 3.0.0 or newer, but this build uses 2.12.4 (2.12.4 is"
            + " what Maven 3 uses when the pom declares no version). Older versions run no JUnit 5"
            + " or 6 test, or run them with a JUnit launcher that does not match. Declare the"
            + " version in <build><plugins>:\n"
            + "  <plugin>\n"
            + "    <artifactId>maven-surefire-plugin</artifactId>\n"
            + "    <version>" + TestPluginVersion.TESTED + "</version>\n"
            + "  </plugin>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.22.2", "3.0.0-M9", "2.9"})
  void versionsBefore300AreTooOld(String version) {
    assertThat(TestPluginVersion.problem("maven-failsafe-plugin", version)).hasValueSatisfying(
        message -> assertThat(message)
            .startsWith("Weft needs maven-failsafe-plugin 3.0.0 or newer, but this build uses "
                + version + ". ")
            .contains("<artifactId>maven-failsafe-plugin</artifactId>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.0.0", "3.5.4", "3.6.1", "4.0.0-beta-1"})
  void versionsFrom300On(String version) {
    assertThat(TestPluginVersion.problem("maven-surefire-plugin", version)).isEmpty();
  }

  @Test
  void aVersionThatIsNoNumberIsLeftToMaven() {
    assertThat(TestPluginVersion.problem("maven-surefire-plugin", "${surefire.version}")).isEmpty();
    assertThat(TestPluginVersion.problem("maven-surefire-plugin", null)).isEmpty();
  }
}
