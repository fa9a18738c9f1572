package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extension is built on Weft's API, not on the scheduler behind it: no class of it names a
 * {@code dev.weft.scheduler} type (the module no longer declares that dependency; this keeps a
 * transitive one from creeping back in).
 */
class ApiOnlyTest {
  @Test
  void noExtensionClassRefersToTheScheduler() throws Exception {
    Path classes =
        Path.of(RaceTestExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(files).as("extension classes").hasSizeGreaterThan(5);
    for (Path f : files) {
      String constants = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertThat(constants).as(classes.relativize(f).toString())
          .doesNotContain("dev/weft/scheduler/");
    }
    assertThat(new String(Files.readAllBytes(classes.resolve("dev/weft/junit/RaceTestRun.class")),
        StandardCharsets.ISO_8859_1)).as("the scan sees API references")
        .contains("dev/weft/ReplayDivergedException");
  }
}
