package dev.weft.internal.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of the classes whose bytes Weft changed, so that a {@code VerifyError} or {@code
 * ClassFormatError} about one of them can be told apart from the program's own: the same class
 * would have loaded without Weft.
 */
public final class TransformedClasses {
  private TransformedClasses() {}

  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  static void record(String binaryName) {
    NAMES.add(binaryName);
  }

  /** {@code name} in binary ({@code a.b.C$D}) or internal ({@code a/b/C$D}) form. */
  public static boolean contains(String name) {
    return NAMES.contains(name.replace('/', '.'));
  }
}
