package dev.weft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgLineTest {
  private static final Path AGENT = Path.of("/repo/dev/weft/weft-framework-1.0.jar");

  @Test
  void withoutAnArgLineItIsTheAgentAlone() {
    assertThat(ArgLine.withAgent(null, AGENT))
        .isEqualTo("-javaagent:/repo/dev/weft/weft-framework-1.0.jar -Xshare:off");
    assertThat(ArgLine.withAgent("  ", AGENT))
        .isEqualTo("-javaagent:/repo/dev/weft/weft-framework-1.0.jar -Xshare:off");
  }

  @Test
  void whatWasThereStaysFirst() {
    String jacoco = "-javaagent:/repo/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";
    assertThat(ArgLine.withAgent(jacoco + " -Xmx1g", AGENT)).isEqualTo(jacoco
        + " -Xmx1g -javaagent:/repo/dev/weft/weft-framework-1.0.jar -Xshare:off");
  }

  @Test
  void theSameAgentIsNotAddedTwice() {
    String once = ArgLine.withAgent("-Xmx1g", AGENT);
    assertThat(ArgLine.withAgent(once, AGENT)).isEqualTo(once);
  }

  @Test
  void anotherAgentWhosePathStartsLikeWeftsIsNotWefts() {
    String other = "-javaagent:/repo/dev/weft/weft-framework-1.0.jar=verbose";
    assertThat(ArgLine.withAgent(other, AGENT))
        .isEqualTo(other + " -javaagent:/repo/dev/weft/weft-framework-1.0.jar -Xshare:off");
  }

  @Test
  void anExplicitClassDataSharingSettingIsKept() {
    assertThat(ArgLine.withAgent("-Xshare:auto", AGENT))
        .isEqualTo("-Xshare:auto -javaagent:/repo/dev/weft/weft-framework-1.0.jar");
  }

  @Test
  void aPathWithSpacesIsQuotedAsOneOption() {
    assertThat(ArgLine.withAgent(null, Path.of("/home/me/my repo/weft.jar")))
        .isEqualTo("\"-javaagent:/home/me/my repo/weft.jar\" -Xshare:off");
    assertThat(ArgLine.quoted("-javaagent:/a \"b\"/weft.jar"))
        .isEqualTo("'-javaagent:/a \"b\"/weft.jar'");
  }
}
