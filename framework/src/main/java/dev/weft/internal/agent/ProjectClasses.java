package dev.weft.internal.agent;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instrumented classes that belong to the project under test: loaded from a directory of
 * class files ({@code target/classes}, {@code target/test-classes}, an IDE's output folder), not
 * from a jar. A field race is reported by default only when one of its accesses is in such a
 * class; libraries' deliberate benign races (a racy cache of a hash) stay quiet.
 */
public final class ProjectClasses {
  private ProjectClasses() {}

  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  /** Called as {@code binaryName} is transformed, with where it was loaded from. */
  static void record(String binaryName, ProtectionDomain domain) {
    if (isDirectory(domain)) NAMES.add(binaryName);
  }

  private static boolean isDirectory(ProtectionDomain domain) {
    CodeSource source = domain == null ? null : domain.getCodeSource();
    URL location = source == null ? null : source.getLocation();
    return location != null && location.getProtocol().equals("file")
        && location.getPath().endsWith("/");
  }

  /** Whether {@code binaryName} ({@code a.b.C$D}) was loaded from a directory. */
  public static boolean contains(String binaryName) {
    return NAMES.contains(binaryName);
  }
}
