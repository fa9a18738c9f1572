package dev.weft.internal.report;

import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.TraceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A data race on a plain field or an array element: the location, what kind of race it is, both
 * accesses (thread, value, line, stack, locks, origin), why nothing orders them, a fix that fits,
 * how to silence it if it is benign, and what it broke when the execution went on.
 */
final class FieldRaceText implements FailureText {
  private final DataRace race;
  private final FieldLocation location;

  FieldRaceText(DataRace race) {
    this.race = race;
    this.location = (FieldLocation) race.location();
  }

  @Override
  public String summary() {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    return "DATA RACE on " + LocationText.of(location) + ": " + Names.thread(b.thread()) + " "
        + b.operation() + " at " + Names.where(b.where()) + " conflicts with "
        + Names.thread(a.thread()) + " " + a.operation() + " at " + Names.where(a.where());
  }

  @Override
  public List<Paragraph> details() {
    List<Paragraph> parts = new ArrayList<>();
    parts.add(new Paragraph("kind", "  " + classification() + "\n\n"));
    parts.add(new Paragraph("first", access("First", race.first())));
    parts.add(new Paragraph("then", access("Then", race.then())));
    parts.add(new Paragraph("why", "  Why: " + RaceAdvice.why(race) + "\n"
        + "  Fix: " + fix() + "\n"
        + "  Benign? " + silencing() + "\n"));
    if (race.after() != null) {
      FailureText after = FailureText.of(race.after());
      StringBuilder d = new StringBuilder("\n  What broke afterwards: Weft let this execution go"
          + " on after the race, and then: " + after.summary() + "\n");
      for (Paragraph p : after.details()) {
        for (String line : p.text().split("\n")) {
          if (!line.isBlank()) d.append("  ").append(line).append('\n');
        }
      }
      parts.add(new Paragraph("after", d.toString()));
    }
    return parts;
  }

  /** The racing accesses are the marked events, the first one first. */
  @Override
  public String anchorOf(TraceRow marked, int index) {
    return index == 0 ? "first" : index == 1 ? "then" : "after";
  }

  /** {@code Counter.n}, or {@code int[1]} for an element. */
  static String shortName(FieldLocation l) {
    if (l.kind() == FieldLocation.Kind.ELEMENT) {
      return LocationText.typeName(l.type()) + "[" + l.index() + "]";
    }
    return Names.className(l.owner()) + "." + l.name();
  }

  private String access(String label, RacyAccess access) {
    StringBuilder d = new StringBuilder();
    d.append("  ").append(label).append(": ").append(Names.thread(access.thread())).append(' ')
        .append(action(access)).append(" at ").append(Names.where(access.where())).append('\n');
    RaceText.appendContext(d, access);
    return d.toString();
  }

  /** {@code writes 1 to Counter.n}, {@code reads Counter.n (1)}, without a value when unknown. */
  private String action(RacyAccess access) {
    String name = shortName(location);
    if (access.argument() == null) return (access.write() ? "writes " : "reads ") + name;
    String value = Values.render(access.argument());
    return access.write() ? "writes " + value + " to " + name : "reads " + name + " (" + value + ")";
  }

  private static String who(RacyAccess access) {
    return Names.thread(access.thread());
  }

  private static String at(RacyAccess access) {
    return Names.where(access.where());
  }

  // ---- what it is, what to do --------------------------------------------------------------------

  private String classification() {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    RacyAccess writer = b.write() ? b : a;
    RacyAccess other = writer == b ? a : b;
    String name = shortName(location);
    RaceClassification c = race.classification();
    switch (c.pattern()) {
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
      default:
        if (c.conflict() == RaceClassification.Conflict.WRITE_WRITE) {
          return "Unordered writes: two threads write " + name + " with nothing ordering them;"
              + " which value remains depends on the schedule.";
        }
        return "Unordered read and write: " + who(other) + " reads " + name + " while "
            + who(writer) + " writes it, with nothing ordering them; the read can see either"
            + " value.";
    }
  }

  private String fix() {
    String name = shortName(location);
    String sameLock = "guard every read and write of " + name + " with the same lock";
    boolean firstLocked = !race.first().locksHeld().isEmpty();
    boolean thenLocked = !race.then().locksHeld().isEmpty();
    String kindFix;
    switch (race.classification().pattern()) {
      case LOST_UPDATE:
        kindFix = counterFix() + "; or " + sameLock;
        break;
      case LAZY_INITIALIZATION:
        kindFix = location.kind() == FieldLocation.Kind.STATIC_FIELD
            ? "initialize it in a holder class (a nested class whose static final field holds"
                + " the instance; the JVM initializes it once, on first use), or make the method"
                + " that creates it synchronized"
            : "make the method that creates it synchronized, or use double-checked locking"
                + " with " + name + " declared volatile";
        break;
      case CHECK_THEN_ACT:
        kindFix = "make the check and the act one atomic step: do both while holding the same"
            + " lock, or use compareAndSet / updateAndGet on an Atomic" + atomicType();
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
        kindFix = location.kind() == FieldLocation.Kind.ELEMENT
            ? "guard the array with one lock, or use an AtomicIntegerArray /"
                + " AtomicReferenceArray for elements that threads share"
            : "declare " + name + " volatile if one thread hands a value to others, or "
                + sameLock;
    }
    if (firstLocked || thenLocked) {
      String held = firstLocked && thenLocked ? "the threads held different locks"
          : "only one of the threads held a lock";
      return sameLock + " (" + held + "). Otherwise: " + kindFix + ".";
    }
    return kindFix + ".";
  }

  private String counterFix() {
    switch (location.type()) {
      case "I":
        return "make it an AtomicInteger (incrementAndGet, addAndGet) or, for a statistic many"
            + " threads bump, a LongAdder";
      case "J":
        return "make it an AtomicLong (incrementAndGet, addAndGet) or, for a statistic many"
            + " threads bump, a LongAdder";
      default:
        return "do the read and the write as one step: updateAndGet on an Atomic" + atomicType();
    }
  }

  private String atomicType() {
    switch (location.type()) {
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
  private String silencing() {
    if (location.kind() == FieldLocation.Kind.ELEMENT) {
      StackTraceElement where = race.then().where();
      String owner = where == null ? "com.acme.Owner" : where.getClassName();
      return "if this race is intended, silence the races of the class that makes it with"
          + " -Dweft.benignRaces=" + owner + " (or Options.benignRaces(\"" + owner + "\")).";
    }
    String q = location.qualifiedName();
    return "if this race is intended, annotate the field with @BenignRace (dev.weft.BenignRace,"
        + " or any annotation of that name), or silence it with -Dweft.benignRaces=" + q
        + " (or Options.benignRaces(\"" + q + "\")).";
  }
}
