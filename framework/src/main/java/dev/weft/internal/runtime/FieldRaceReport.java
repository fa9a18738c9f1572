package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.internal.ApiValues;
import java.util.List;

/**
 * Words a {@link FieldRace}: the location, what kind of race it is, both accesses (thread, value,
 * line, stack, locks, origin), why nothing orders them, a fix that fits, and how to silence it if
 * it is benign. All the text of a field race comes from here.
 */
final class FieldRaceReport {
  private FieldRaceReport() {}

  static ExecutionFailure describe(FieldRace race) {
    FieldAccess a = race.earlier();
    FieldAccess b = race.later();
    String what = "DATA RACE on " + location(race.location());
    String summary = what + ": " + b.thread().displayName() + " " + (b.write() ? "write" : "read")
        + " at " + StackRendering.shortLocation(b.location()) + " conflicts with "
        + a.thread().displayName() + " " + (a.write() ? "write" : "read") + " at "
        + StackRendering.shortLocation(a.location());
    StringBuilder d = new StringBuilder();
    d.append("  ").append(classification(race)).append('\n');
    d.append('\n');
    appendAccess(d, "First", a, race.location());
    appendAccess(d, "Then", b, race.location());
    d.append("  Why: ").append(why(race)).append('\n');
    d.append("  Fix: ").append(fix(race)).append('\n');
    d.append("  Benign? ").append(silencing(race)).append('\n');
    String operation = shortName(race.location());
    List<Access> accesses = List.of(toAccess(a, operation), toAccess(b, operation));
    return new ExecutionFailure(Failure.Kind.DATA_RACE, summary, d.toString(), null, accesses);
  }

  /**
   * The race, with what went wrong when the traced run went on after it (an assertion that
   * failed, an exception, a deadlock): the race stays first, since it is the cause.
   */
  static ExecutionFailure withConsequence(ExecutionFailure race, ExecutionFailure after) {
    StringBuilder d = new StringBuilder(race.details());
    d.append('\n').append("  What broke afterwards: Weft let this execution go on after the race,"
        + " and then: ").append(after.summary()).append('\n');
    for (String line : after.details().split("\n")) {
      if (!line.isBlank()) d.append("  ").append(line).append('\n');
    }
    return new ExecutionFailure(race.kind(), race.summary(), d.toString(), after.cause(),
        race.accesses());
  }

  // ---- the location ----------------------------------------------------------------------------

  /** {@code field Counter.n (int) of Counter@1a2b (created at Shop.java:14)}, and the others. */
  static String location(FieldLocation l) {
    String created = l.createdAt() == null ? ""
        : " (created at " + StackRendering.shortLocation(l.createdAt()) + ")";
    switch (l.kind()) {
      case STATIC_FIELD:
        return "static field " + shortName(l) + " (" + typeName(l.descriptor()) + ")";
      case ELEMENT:
        return "element [" + l.index() + "] of " + l.holder() + created;
      default:
        return "field " + shortName(l) + " (" + typeName(l.descriptor()) + ") of "
            + simpleIdentity(l.holder()) + created;
    }
  }

  /** {@code Counter.n}, or {@code int[4][1]} for an element. */
  private static String shortName(FieldLocation l) {
    if (l.kind() == FieldLocation.Kind.ELEMENT) {
      return l.holder().substring(0, l.holder().indexOf('[')) + "[" + l.index() + "]";
    }
    return simpleClassName(l.owner()) + "." + l.name();
  }

  /** {@code com.acme.Shop$Cart} as source code names it: {@code Shop.Cart}. */
  private static String simpleClassName(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** {@code com.acme.Counter@1a2b} to {@code Counter@1a2b}. */
  private static String simpleIdentity(String identity) {
    int at = identity.indexOf('@');
    String type = at < 0 ? identity : identity.substring(0, at);
    return simpleClassName(type) + (at < 0 ? "" : identity.substring(at));
  }

  /** A type descriptor as Java source spells it: {@code int}, {@code String}, {@code long[]}. */
  static String typeName(String descriptor) {
    if (descriptor.startsWith("[")) return typeName(descriptor.substring(1)) + "[]";
    switch (descriptor) {
      case "Z":
        return "boolean";
      case "B":
        return "byte";
      case "C":
        return "char";
      case "S":
        return "short";
      case "I":
        return "int";
      case "J":
        return "long";
      case "F":
        return "float";
      case "D":
        return "double";
      default:
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
          String name = descriptor.substring(1, descriptor.length() - 1);
          return name.substring(name.lastIndexOf('/') + 1).replace('$', '.');
        }
        return descriptor;
    }
  }

  // ---- the accesses ----------------------------------------------------------------------------

  private static void appendAccess(StringBuilder d, String label, FieldAccess access,
      FieldLocation location) {
    d.append("  ").append(label).append(": ").append(access.thread().displayName()).append(' ')
        .append(action(access, shortName(location))).append(" at ")
        .append(StackRendering.shortLocation(access.location())).append('\n');
    RaceWording.appendContext(d, access.stack(), access.locksHeld(), access.thread(),
        access.taskOrigin());
  }

  /** {@code writes 1 to Counter.n}, {@code reads Counter.n (1)}, without a value when unknown. */
  private static String action(FieldAccess access, String name) {
    String value = access.value();
    if (access.write()) return "writes " + (value == null ? "" : value + " to ") + name;
    return "reads " + name + (value == null ? "" : " (" + value + ")");
  }

  private static String who(FieldAccess access) {
    return access.thread().displayName();
  }

  private static String at(FieldAccess access) {
    return StackRendering.shortLocation(access.location());
  }

  // ---- what it is, why, and what to do -----------------------------------------------------------

  private static String classification(FieldRace race) {
    FieldAccess a = race.earlier();
    FieldAccess b = race.later();
    FieldAccess writer = b.write() ? b : a;
    FieldAccess other = writer == b ? a : b;
    String name = shortName(race.location());
    switch (race.kind()) {
      case LOST_UPDATE:
        if (!b.write()) {
          return "Lost update: " + who(a) + " updates " + name + " with a read-modify-write"
              + " (such as n++) at " + at(a) + ", and " + who(b) + " reads it at " + at(b)
              + " with nothing ordering them; when two such updates interleave, one is lost.";
        }
        return "Lost update: both threads read " + name + " and write it back (a"
            + " read-modify-write such as n++ at " + at(writer) + "); when the two interleave,"
            + " one update is lost.";
      case LAZY_INITIALIZATION:
        return "Lazy initialization race: " + who(writer) + " found " + name + " unset and set"
            + " it at " + at(writer) + ", while " + who(other) + " uses it without"
            + " synchronization: both threads can create it, and a reader can see a half-built"
            + " object.";
      case CHECK_THEN_ACT:
        return "Check-then-act: " + who(writer) + " read " + name + " and then wrote it at "
            + at(writer) + ", but another thread can change it in between, so the check no"
            + " longer holds when the act happens.";
      case UNSAFE_PUBLICATION:
        return "Unsafe publication: " + name + " hands an object from " + who(writer) + " to "
            + who(other) + " with nothing ordering them, so the reader can see the reference"
            + " before the writes that built the object.";
      case STOP_FLAG:
        return "Flag on a plain field: " + who(writer) + " sets " + name + " while "
            + who(other) + " reads it, with nothing ordering them: the reader may never see the"
            + " new value (the JIT may read the field once and spin forever).";
      case WRITE_WRITE:
        return "Unordered writes: two threads write " + name + " with nothing ordering them;"
            + " which value remains depends on the schedule.";
      default:
        return "Unordered read and write: " + who(other) + " reads " + name + " while "
            + who(writer) + " writes it, with nothing ordering them; the read can see either"
            + " value.";
    }
  }

  private static String why(FieldRace race) {
    FieldAccess a = race.earlier();
    FieldAccess b = race.later();
    String writes = a.write() && b.write() ? "both accesses are writes"
        : who(b.write() ? b : a) + "'s access is a write";
    return RaceWording.why(a.locksHeld(), b.locksHeld(), writes);
  }

  private static String fix(FieldRace race) {
    FieldLocation l = race.location();
    String name = shortName(l);
    String sameLock = "guard every read and write of " + name + " with the same lock";
    boolean earlierLocked = !race.earlier().locksHeld().isEmpty();
    boolean laterLocked = !race.later().locksHeld().isEmpty();
    String kindFix;
    switch (race.kind()) {
      case LOST_UPDATE:
        kindFix = counterFix(l) + "; or " + sameLock;
        break;
      case LAZY_INITIALIZATION:
        kindFix = l.kind() == FieldLocation.Kind.STATIC_FIELD
            ? "initialize it in a holder class (a nested class whose static final field holds"
                + " the instance; the JVM initializes it once, on first use), or make the method"
                + " that creates it synchronized"
            : "make the method that creates it synchronized, or use double-checked locking"
                + " with " + name + " declared volatile";
        break;
      case CHECK_THEN_ACT:
        kindFix = "make the check and the act one atomic step: do both while holding the same"
            + " lock, or use compareAndSet / updateAndGet on an Atomic" + atomicType(l);
        break;
      case UNSAFE_PUBLICATION:
        kindFix = "publish the object through a volatile field or an AtomicReference (or a final"
            + " field of an object published safely), so that the reader also sees the writes"
            + " made before it was published";
        break;
      case STOP_FLAG:
        kindFix = "declare " + name + " volatile (or use an AtomicBoolean); to stop a worker,"
            + " interrupt() it or shut down its executor instead";
        break;
      default:
        kindFix = l.kind() == FieldLocation.Kind.ELEMENT
            ? "guard the array with one lock, or use an AtomicIntegerArray /"
                + " AtomicReferenceArray for elements that threads share"
            : "declare " + name + " volatile if one thread hands a value to others, or "
                + sameLock;
    }
    if (earlierLocked || laterLocked) {
      String held = earlierLocked && laterLocked ? "the threads held different locks"
          : "only one of the threads held a lock";
      return sameLock + " (" + held + "). Otherwise: " + kindFix + ".";
    }
    return kindFix + ".";
  }

  private static String counterFix(FieldLocation l) {
    switch (l.descriptor()) {
      case "I":
        return "make it an AtomicInteger (incrementAndGet, addAndGet) or, for a statistic many"
            + " threads bump, a LongAdder";
      case "J":
        return "make it an AtomicLong (incrementAndGet, addAndGet) or, for a statistic many"
            + " threads bump, a LongAdder";
      default:
        return "do the read and the write as one step: updateAndGet on an Atomic"
            + atomicType(l);
    }
  }

  private static String atomicType(FieldLocation l) {
    switch (l.descriptor()) {
      case "I":
      case "S":
      case "B":
      case "C":
        return "Integer";
      case "J":
        return "Long";
      case "Z":
        return "Boolean";
      default:
        return "Reference";
    }
  }

  /** How to tell Weft that the race is intended. */
  private static String silencing(FieldRace race) {
    FieldLocation l = race.location();
    if (l.kind() == FieldLocation.Kind.ELEMENT) {
      StackTraceElement where = race.later().location();
      String owner = where == null ? "com.acme.Owner" : where.getClassName();
      return "if this race is intended, silence the races of the class that makes it with"
          + " -Dweft.benignRaces=" + owner + " (or Options.benignRaces(\"" + owner + "\")).";
    }
    return "if this race is intended, annotate the field with @BenignRace (dev.weft.BenignRace,"
        + " or any annotation of that name), or silence it with -Dweft.benignRaces="
        + l.qualifiedName() + " (or Options.benignRaces(\"" + l.qualifiedName() + "\")).";
  }

  private static Access toAccess(FieldAccess access, String operation) {
    return ApiValues.get().access(access.thread().displayName(), operation, access.location(),
        access.write() ? Access.Kind.WRITE : Access.Kind.READ);
  }
}
