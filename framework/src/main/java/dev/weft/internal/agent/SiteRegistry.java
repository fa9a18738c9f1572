package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  /** What is known of each field's declaration; null for one known by name only. */
  private static volatile FieldInfo[] fieldInfos = new FieldInfo[256];
  private static int fieldCount;
  /** The atomic and java.util.concurrent methods called at each site, for the trace's rows. */
  private static final Map<Integer, List<Callee>> CALLEES = new HashMap<>();

  /** A method called at a site: {@code owner} is a binary class name. */
  public record Callee(String owner, String method) {}

  /**
   * A field's declaration as the race report needs it.
   *
   * @param owner the declaring class, binary name ({@code com.acme.Shop$Cart})
   * @param descriptor the field's type descriptor ({@code I}, {@code Ljava/lang/String;})
   * @param benign whether the field carries an annotation named {@code BenignRace}
   */
  public record FieldInfo(String owner, String name, String descriptor, boolean isStatic,
      boolean benign) {}

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

  /** Notes that site {@code id} calls {@code name} of {@code ownerInternalName}. */
  static void noteCall(int id, String ownerInternalName, String name) {
    Callee callee = new Callee(ownerInternalName.replace('/', '.'), name);
    synchronized (LOCK) {
      List<Callee> known = CALLEES.computeIfAbsent(id, k -> new ArrayList<>(1));
      if (!known.contains(callee)) known.add(callee);
    }
  }

  /**
   * The method called at site {@code id} named {@code method}, or when {@code method} is null the
   * one method called there; null when there is none, or several fit.
   */
  public static Callee callee(int id, String method) {
    synchronized (LOCK) {
      Callee found = null;
      for (Callee c : CALLEES.getOrDefault(id, List.of())) {
        if (method != null && !c.method().equals(method)) continue;
        if (found != null && !found.equals(c)) return null;
        found = c;
      }
      return found;
    }
  }

  /** Registers a field as {@code Owner.name} and returns its id. */
  public static int field(String owner, String name) {
    return field(owner, name, null);
  }

  /** Registers a field whose declaration is known and returns its id. */
  static int field(String owner, String name, String descriptor, boolean isStatic,
      boolean benign) {
    return field(owner, name, new FieldInfo(owner, name, descriptor, isStatic, benign));
  }

  private static int field(String owner, String name, FieldInfo info) {
    synchronized (LOCK) {
      if (fieldCount == fields.length) fields = Arrays.copyOf(fields, fieldCount * 2);
      FieldInfo[] infos = fieldCount == fieldInfos.length
          ? Arrays.copyOf(fieldInfos, fieldCount * 2) : fieldInfos;
      fields[fieldCount] = owner + "." + name;
      infos[fieldCount] = info;
      fieldInfos = infos;
      return fieldCount++;
    }
  }

  /** The declaration of field {@code id}, or null when only its name is known. */
  public static FieldInfo fieldInfo(int id) {
    FieldInfo[] known = fieldInfos;
    return id >= 0 && id < known.length ? known[id] : null;
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
