package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application classes Weft could not instrument in this JVM, with why. Their monitors, waits
 * and call sites are invisible to the scheduler, so nothing they do may turn into a report: the
 * race detector ignores collection accesses they make ({@link #contains}), and an exploration's
 * result lists them ({@link #all}) so that it never silently tests less than it says.
 */
public final class UncontrolledClasses {
  private UncontrolledClasses() {}

  /** A class that runs uncontrolled, and why (the instrumentation error). */
  public record Entry(String className, String reason) {}

  private static final Map<String, Entry> BY_NAME = new ConcurrentHashMap<>();
  /** Read first on the hot path: most JVMs never record one. */
  private static volatile boolean any;

  static void record(String className, Throwable why) {
    String reason = why.getClass().getSimpleName()
        + (why.getMessage() == null ? "" : ": " + firstLine(why.getMessage()));
    record(className, reason);
  }

  static void record(String className, String reason) {
    BY_NAME.putIfAbsent(className, new Entry(className, reason));
    any = true;
  }

  /** Whether {@code className} (binary name, {@code a.b.C$D}) runs uncontrolled. */
  public static boolean contains(String className) {
    return any && BY_NAME.containsKey(className);
  }

  /**
   * Whether {@code className} runs uncontrolled for any reason: recorded here, or outside what Weft
   * instruments (test and mocking libraries, ByteBuddy), whose monitors Weft never sees either.
   */
  public static boolean isUncontrolled(String className) {
    return contains(className) || !InstrumentationScope.isApplicationClass(className);
  }

  /** Every class recorded so far in this JVM, in no particular order. */
  public static List<Entry> all() {
    return List.copyOf(new ArrayList<>(BY_NAME.values()));
  }

  /** How many are recorded: compare before and after an exploration to see what it met. */
  public static int count() {
    return BY_NAME.size();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
