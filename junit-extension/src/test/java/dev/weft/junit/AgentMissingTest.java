package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the agent, and with attaching it at run time refused, a race test cannot be
 * controlled: it must fail saying what to add to the build, never pass or be skipped.
 */
class AgentMissingTest {
  @Test
  void aJvmWeftCannotControlFailsTheTestWithTheFix() throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-XX:+DisableAttachMechanism",
        "-Djdk.attach.allowAttachSelf=false", "-cp", classPath, NoAgentMain.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(out, StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .as(output)
        .contains("OUTCOME FAILED Weft could not run dev.weft.junit.fixtures.Counters"
            + "#lockedIncrements, so it fails rather than pass untested:")
        .contains("-javaagent:")
        .contains("maven-surefire-plugin")
        .doesNotContain("OUTCOME SUCCESSFUL")
        .doesNotContain("OUTCOME ABORTED");
  }

  @Test
  void thisJvmRunsWithTheAgentFromTheCommandLine() {
    assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        .anySatisfy(arg -> assertThat(arg).startsWith("-javaagent:")
            .endsWith(Path.of("weft-framework-0.1.0-SNAPSHOT.jar").toString()));
  }
}
