package dev.weft.internal.agent;

import java.util.List;

/**
 * Decides which classes are "application" code, instrumented at every synchronization point:
 * everything except the JDK, Weft itself and test infrastructure.
 */
final class InstrumentationScope {
  private InstrumentationScope() {}

  /** Spelled in two parts so that relocating Weft's own copy does not rewrite it. */
  static final String BYTE_BUDDY = "net" + ".bytebuddy.";

  private static final List<String> EXCLUDED_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf.",
      "dev.weft.boot.", "dev.weft.internal.", "dev.weft.scheduler.",
      BYTE_BUDDY, "org.junit.", "junit.", "org.opentest4j.", "org.apiguardian.",
      "org.assertj.", "org.hamcrest.", "org.mockito.", "org.apache.maven.",
      "org.codehaus.plexus.", "org.openjdk.jmh.", "com.intellij.", "org.jetbrains.kotlinx.lincheck.",
      "org.gradle.", "worker.org.gradle.", "kotlin.", "org.jacoco.");

  /** The public API and the JUnit extension, not their subpackages (tests and examples). */
  private static final List<String> EXCLUDED_PACKAGES = List.of("dev.weft", "dev.weft.junit");

  static boolean isApplicationClass(String binaryName) {
    for (String prefix : EXCLUDED_PREFIXES) {
      if (binaryName.startsWith(prefix)) return false;
    }
    int lastDot = binaryName.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : binaryName.substring(0, lastDot);
    if (EXCLUDED_PACKAGES.contains(pkg)) return false;
    // Relocated copies of libraries inside Weft's own jar.
    return !binaryName.contains(".shaded.");
  }
}
