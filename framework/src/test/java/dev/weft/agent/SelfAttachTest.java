package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without -javaagent, the first exploration attaches Weft at run time, works, and says once how
 * to load the agent at start-up instead (JDK 21+ warns about agents attached later).
 */
class SelfAttachTest {
  @Test
  void attachesItselfFindsTheBugAndPrintsTheSurefireSetup(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), SelfAttachMain.class.getName())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

    assertThat(out).as(err).contains("RESULT EXCEPTION");
    assertThat(err).contains("The Weft agent was attached at run time")
        .contains("-javaagent:${dev.weft:weft-framework:jar}")
        .contains("maven-dependency-plugin");
    assertThat(err.split("attached at run time", -1)).as("printed once").hasSize(2);
  }
}
