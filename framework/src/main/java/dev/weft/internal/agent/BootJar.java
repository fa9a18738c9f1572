package dev.weft.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Builds the small jar of {@code dev.weft.boot} classes that is appended to the bootstrap class
 * path: Advice inlined into {@code java.base} can only call classes the bootstrap loader sees.
 */
final class BootJar {
  private BootJar() {}

  /** Every class of {@code dev.weft.boot}; the runtime refuses to start if one is missing. */
  static final List<String> CLASSES = List.of(
      "dev.weft.boot.Hooks",
      "dev.weft.boot.HookHandler",
      "dev.weft.boot.ThreadHooks",
      "dev.weft.boot.MonitorHooks",
      "dev.weft.boot.ParkingHooks",
      "dev.weft.boot.TimeHooks",
      "dev.weft.boot.MemoryHooks",
      "dev.weft.boot.TaskHooks",
      "dev.weft.boot.CollectionHooks",
      "dev.weft.boot.LockHooks",
      "dev.weft.boot.FieldHooks",
      "dev.weft.boot.StaticsHooks",
      "dev.weft.boot.ExecutionAborted");

  static JarFile write() throws IOException {
    Path jar = Files.createTempFile("weft-boot-", ".jar");
    jar.toFile().deleteOnExit();
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (String name : CLASSES) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = BootJar.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new IOException("Weft is incomplete: class file " + resource + " is missing");
          }
          jarOut.putNextEntry(new JarEntry(resource));
          in.transferTo(jarOut);
          jarOut.closeEntry();
        }
      }
    }
    return new JarFile(jar.toFile());
  }
}
