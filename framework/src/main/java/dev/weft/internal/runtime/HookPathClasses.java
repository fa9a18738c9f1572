package dev.weft.internal.runtime;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the classes of Weft's runtime before the hooks go live. A class that loads for the first
 * time inside a hook is defined while that hook runs; defining it runs instrumented JDK code (the
 * class loader's own bookkeeping, the agent's transformer and its maps), which calls the hooks
 * again, which need the very class being defined: the JVM then waits for that definition for
 * ever, since the thread that holds it is the one waiting. It was seen as a test JVM hung with
 * its main thread in nested {@code defineClass1} frames under {@code ControlledRuntime.cached()},
 * which had met {@code ControlledThread} for the first time.
 */
final class HookPathClasses {
  private HookPathClasses() {}

  /** The packages whose classes the hooks reach, as paths in the jar. */
  private static final List<String> PACKAGES =
      List.of("dev/weft/internal/runtime/", "dev/weft/internal/failure/");

  /**
   * Loads (without initializing) every class of {@link #PACKAGES} found where this class came
   * from, a jar or a directory; returns how many. Where that cannot be read, the explicit warm-up
   * of {@link ControlledRuntime#activate} still loads the classes the common path needs.
   */
  static int loadAll() {
    ClassLoader loader = HookPathClasses.class.getClassLoader();
    int loaded = 0;
    for (String name : classNames()) {
      try {
        Class.forName(name, false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError skipped) {
        // A class that cannot load now cannot load inside a hook either.
      }
    }
    return loaded;
  }

  /** The binary names of the classes of {@link #PACKAGES} where this class came from. */
  static List<String> classNames() {
    List<String> names = new ArrayList<>();
    try {
      CodeSource source = HookPathClasses.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) return names;
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        for (String pkg : PACKAGES) {
          Path dir = location.resolve(pkg);
          if (!Files.isDirectory(dir)) continue;
          try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> pkg + f.getFileName()).forEach(entry -> add(names, entry));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream().map(JarEntry::getName).forEach(entry -> add(names, entry));
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException unreadable) {
      // Fall back to the explicit warm-up list.
    }
    return names;
  }

  private static void add(List<String> names, String entry) {
    if (!entry.endsWith(".class") || entry.endsWith("package-info.class")) return;
    for (String pkg : PACKAGES) {
      if (entry.startsWith(pkg) && entry.indexOf('/', pkg.length()) < 0) {
        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        return;
      }
    }
  }
}
