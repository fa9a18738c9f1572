package dev.weft.internal.statics;

import dev.weft.boot.StaticsHooks;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Every application class with resettable static fields that finished initializing in this JVM,
 * and the baseline of its fields. An exploration (or replay) takes the current values as the
 * baseline when it starts ({@link #captureAll}); a class that first initializes during the
 * exploration keeps the values its initializer left. Before each execution, and when the
 * exploration ends, every field is put back to its baseline ({@link #restoreAll}), so that every
 * execution, shrinking re-run and replay starts from the same static state.
 *
 * <p>JVM-wide, like static state itself. Classes are held for the life of the JVM.
 */
public final class StaticBaselines {
  private StaticBaselines() {}

  private static final Object LOCK = new Object();
  /** Copy on write: read once per restore, without a lock; grows only as classes initialize. */
  private static volatile ClassStatics[] classes = new ClassStatics[0];
  private static final Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private static int skipped;

  private static final StaticsHooks RECORDER = StaticBaselines::record;

  /** The receiver the agent installs. */
  public static StaticsHooks recorder() {
    return RECORDER;
  }

  private static void record(Class<?> type) {
    synchronized (LOCK) {
      if (!seen.add(type)) return;
      ClassStatics statics = ClassStatics.of(type);
      if (statics == null) {
        skipped++;
        return;
      }
      if (statics.fieldCount() == 0) return;
      statics.capture();
      ClassStatics[] grown = Arrays.copyOf(classes, classes.length + 1);
      grown[grown.length - 1] = statics;
      classes = grown;
    }
  }

  /** Takes every recorded class's current static values as its baseline. */
  public static void captureAll() {
    for (ClassStatics c : classes) c.capture();
  }

  /** Puts every recorded class's static fields back to its baseline; returns the fields written. */
  public static int restoreAll() {
    int written = 0;
    for (ClassStatics c : classes) written += c.restore();
    return written;
  }

  /** Whether {@code type}'s static fields are reset. */
  public static boolean isReset(Class<?> type) {
    for (ClassStatics c : classes) {
      if (c.type() == type) return true;
    }
    return false;
  }

  /** How many classes have their static fields reset. */
  public static int classCount() {
    return classes.length;
  }

  /** How many static fields are reset, over all classes. */
  public static int fieldCount() {
    int n = 0;
    for (ClassStatics c : classes) n += c.fieldCount();
    return n;
  }

  /** How many classes with static state could not be reset (fields not accessible to Weft). */
  public static int skippedCount() {
    synchronized (LOCK) {
      return skipped;
    }
  }

}
