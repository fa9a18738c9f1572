package dev.weft.internal.agent;

import java.util.Arrays;

/**
 * Numbers the instrumented code locations (call sites) and fields, so that the hot path passes an
 * int constant and the report can still say {@code File.java:line}. Registration happens while
 * classes are transformed (any thread); lookup happens when reports are built.
 */
public final class SiteRegistry {
  private SiteRegistry() {}

  private static final Object LOCK = new Object();
  /** Grown under the lock and republished: readers on the hot path take no lock. */
  private static volatile StackTraceElement[] sites = new StackTraceElement[1024];
  private static int siteCount;
  private static String[] fields = new String[256];
  private static int fieldCount;

  /** Registers a code location and returns its id. */
  public static int site(String className, String method, String file, int line) {
    synchronized (LOCK) {
      StackTraceElement[] grown = siteCount == sites.length
          ? Arrays.copyOf(sites, siteCount * 2) : sites;
      grown[siteCount] = new StackTraceElement(className, method, file, line);
      sites = grown;
      return siteCount++;
    }
  }

  /** Gives site {@code id}, registered before its line was known, the line {@code line}. */
  static void relocate(int id, int line) {
    synchronized (LOCK) {
      StackTraceElement e = sites[id];
      sites[id] = new StackTraceElement(e.getClassName(), e.getMethodName(), e.getFileName(), line);
    }
  }

  /** The location of site {@code id}, or null for an unknown id (such as -1, "inside the JDK"). */
  public static StackTraceElement location(int id) {
    StackTraceElement[] known = sites;
    return id >= 0 && id < known.length ? known[id] : null;
  }

  /** Registers a field as {@code Owner.name} and returns its id. */
  public static int field(String owner, String name) {
    synchronized (LOCK) {
      if (fieldCount == fields.length) fields = Arrays.copyOf(fields, fieldCount * 2);
      fields[fieldCount] = owner + "." + name;
      return fieldCount++;
    }
  }

  public static String fieldName(int id) {
    synchronized (LOCK) {
      return id >= 0 && id < fieldCount ? fields[id] : "?";
    }
  }

  /** {@code File.java:line} of a site, or {@code "?"}. */
  public static String shortLocation(int id) {
    StackTraceElement e = location(id);
    return e == null ? "?" : e.getFileName() + ":" + e.getLineNumber();
  }
}
