package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine uses the API's value types but never the {@code Weft} facade, so that the API
 * depends on the engine one way only: no class file of the engine names {@code dev/weft/Weft}
 * (nor {@code Weft$Body}) in its constant pool.
 */
class EngineLayeringTest {
  private static final String FACADE = "dev/weft/Weft";

  @Test
  void noEngineClassRefersToTheFacade() throws Exception {
    List<String> engine = new ArrayList<>();
    List<String> offenders = new ArrayList<>();
    forEachClass((name, bytes) -> {
      if (!name.startsWith("dev/weft/internal/") && !name.startsWith("dev/weft/boot/")) return;
      if (name.startsWith("dev/weft/internal/shaded/")) return;
      engine.add(name);
      if (names(bytes, FACADE)) offenders.add(name);
    });
    assertThat(engine).as("engine classes found").contains("dev/weft/internal/Explorer.class",
        "dev/weft/internal/runtime/ExecutionRunner.class");
    assertThat(offenders).isEmpty();
  }

  /** The facade itself does name itself: the scan would see a reference. */
  @Test
  void theScanSeesAReferenceWhereThereIsOne() throws Exception {
    List<String> facade = new ArrayList<>();
    forEachClass((name, bytes) -> {
      if (name.equals("dev/weft/Weft.class") && names(bytes, FACADE)) facade.add(name);
    });
    assertThat(facade).containsExactly("dev/weft/Weft.class");
  }

  private interface ClassVisitor {
    void visit(String name, byte[] bytes) throws IOException;
  }

  /** Every class file of the framework's main code, in a directory or a jar. */
  private static void forEachClass(ClassVisitor visitor) throws IOException, URISyntaxException {
    Path root = Path.of(Explorer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          visitor.visit(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(root.toFile())) {
      for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        try (InputStream in = jar.getInputStream(e)) {
          visitor.visit(e.getName(), in.readAllBytes());
        }
      }
    }
  }

  /** Whether {@code text} occurs in the class file (constant pool names are ASCII here). */
  private static boolean names(byte[] classFile, String text) {
    return new String(classFile, StandardCharsets.ISO_8859_1).contains(text);
  }
}
