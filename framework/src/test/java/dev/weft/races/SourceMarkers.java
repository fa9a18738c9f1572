package dev.weft.races;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the line of a {@code /*marker*}{@code /} comment in a test's source, so tests survive edits. */
final class SourceMarkers {
  private SourceMarkers() {}

  static int line(Class<?> testClass, String marker) {
    Path source = Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java");
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("/*" + marker + "*/")) return i + 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no /*" + marker + "*/ in " + source);
  }
}
