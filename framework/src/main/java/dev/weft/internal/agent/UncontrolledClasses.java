package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application classes Weft could not instrument in this JVM, with why. Their monitors, waits
 * and call sites are invisible to the scheduler, so nothing they do may turn into a report: the
 * race detector ignores collection accesses they make ({@link #contains}), and an exploration's
 * result lists the ones it met ({@link #startWatching}) so that it never silently tests less than
 * it says.
 */
public final class UncontrolledClasses {
  private UncontrolledClasses() {}

  /** A class that runs uncontrolled, and why (the instrumentation error). */
  public record Entry(String className, String reason) {}

  private static final Map<String, Entry> BY_NAME = new ConcurrentHashMap<>();
  /** The entries in the order they were recorded, for {@link #count} marks. */
  private static final List<Entry> IN_ORDER = new ArrayList<>();
  /** Read first on the hot path: most JVMs never record one. */
  private static volatile boolean any;
  /** The running exploration's watch, or null. */
  private static volatile Watch watching;

  /**
   * What one exploration met: the classes recorded while it ran (loaded, and failed, during it)
   * and the recorded classes whose accesses it ignored ({@link #isUncontrolled}).
   */
  public static final class Watch {
    private final int recordedBefore;
    private final Set<String> met = ConcurrentHashMap.newKeySet();

    private Watch(int recordedBefore) {
      this.recordedBefore = recordedBefore;
    }
  }

  /** Starts noting what the exploration about to run meets; one exploration runs at a time. */
  public static Watch startWatching() {
    Watch watch;
    synchronized (IN_ORDER) {
      watch = new Watch(IN_ORDER.size());
    }
    watching = watch;
    return watch;
  }

  /** Stops {@code watch}; returns the classes it met, those recorded during it first. */
  public static List<Entry> stopWatching(Watch watch) {
    if (watching == watch) watching = null;
    Set<Entry> met = new LinkedHashSet<>();
    synchronized (IN_ORDER) {
      met.addAll(IN_ORDER.subList(Math.min(watch.recordedBefore, IN_ORDER.size()),
          IN_ORDER.size()));
    }
    for (String name : watch.met) {
      Entry e = BY_NAME.get(name);
      if (e != null) met.add(e);
    }
    return List.copyOf(met);
  }

  static void record(String className, Throwable why) {
    String reason = why.getClass().getSimpleName()
        + (why.getMessage() == null ? "" : ": " + firstLine(why.getMessage()));
    record(className, reason);
  }

  static void record(String className, String reason) {
    Entry entry = new Entry(className, reason);
    if (BY_NAME.putIfAbsent(className, entry) == null) {
      synchronized (IN_ORDER) {
        IN_ORDER.add(entry);
      }
    }
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
    if (contains(className)) {
      Watch watch = watching;
      if (watch != null) watch.met.add(className);
      return true;
    }
    return !InstrumentationScope.isApplicationClass(className);
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
