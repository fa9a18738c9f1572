package dev.weft.internal.report;

import dev.weft.Access;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.TraceRow;
import java.util.List;

/** A data race: what, the two accesses, why nothing orders them, and how to fix it. */
final class RaceText implements FailureText {
  private final DataRace race;

  RaceText(DataRace race) {
    this.race = race;
  }

  @Override
  public String summary() {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    return "DATA RACE on " + LocationText.of(race.location()) + ": " + Names.thread(b.thread())
        + " " + b.operation() + " at " + Names.where(b.where()) + " conflicts with "
        + Names.thread(a.thread()) + " " + a.operation() + " at " + Names.where(a.where());
  }

  @Override
  public List<Paragraph> details() {
    return List.of(
        new Paragraph("kind", "  " + classify() + effect() + "\n\n"),
        new Paragraph("first", access("First", race.first())),
        new Paragraph("then", access("Then", race.then())),
        new Paragraph("why", "  Why: " + RaceAdvice.why(race) + whyItWrites() + "\n"
            + "  Fix: " + RaceAdvice.fix(race) + "\n"));
  }

  /** The racing accesses are the marked events, the first one first. */
  @Override
  public String anchorOf(TraceRow marked, int index) {
    return index == 0 ? "first" : "then";
  }

  /** What sharing a JDK object (or an access-ordered map) does, after the classification. */
  private String effect() {
    return JdkObjectText.applies(race) ? JdkObjectText.effect(race) : "";
  }

  private String whyItWrites() {
    return JdkObjectText.applies(race) ? JdkObjectText.whyItWrites(race) : "";
  }

  private String classify() {
    String kind = classifyOverlap();
    RaceClassification.Side side = race.classification().resizedBy();
    if (side == RaceClassification.Side.NONE) return kind;
    RacyAccess grower = side == RaceClassification.Side.FIRST ? race.first() : race.then();
    return "Resize race: " + Names.thread(grower.thread()) + "'s " + grower.operation()
        + " grew and rehashed the table, so the other thread can meet entries half moved"
        + " (lost entries, or a loop in older JDKs). " + kind;
  }

  private String classifyOverlap() {
    RacyAccess a = race.first();
    RacyAccess b = race.then();
    RaceClassification c = race.classification();
    if (c.overlapping()) {
      // A JDK object is no map: without Go's map messages.
      boolean map = !JdkObjectText.isJdkObject(race);
      String during = Names.thread(b.thread()) + " entered " + b.operation() + " while "
          + Names.thread(a.thread()) + " was still inside " + a.operation();
      if (c.conflict() == RaceClassification.Conflict.WRITE_WRITE) {
        return "Write during write: " + during
            + (map ? " (Go reports this as \"fatal error: concurrent map writes\")." : ".");
      }
      return (c.conflict() == RaceClassification.Conflict.ITERATION_WRITE
          ? "Iteration during write: " : "Read during write: ") + during
          + (map ? " (Go: \"concurrent map read and map write\")." : ".");
    }
    String kind = switch (c.conflict()) {
      case WRITE_WRITE -> "Unordered writes";
      case ITERATION_WRITE -> "Iteration unordered with a write";
      case READ_WRITE -> "Read unordered with a write";
    };
    return kind + ": the accesses did not overlap in this schedule, but no synchronization"
        + " orders them, so another schedule (or the JIT) can make them collide.";
  }

  private String access(String label, RacyAccess access) {
    StringBuilder d = new StringBuilder();
    d.append("  ").append(label).append(": ").append(Names.thread(access.thread())).append(' ')
        .append(JdkObjectText.isJdkObject(race) ? JdkObjectText.verb(access.kind())
            : verb(access.kind()))
        .append(" with ").append(access.operation());
    if (access.argument() != null) {
      d.append('(').append(Values.render(access.argument())).append(')');
    }
    d.append(" at ").append(Names.where(access.where())).append('\n');
    appendContext(d, access);
    return d.toString();
  }

  /**
   * What every race report says below an access's first line: its stack, the locks its thread
   * held and where the thread's work came from (field races too: {@link FieldRaceText}).
   */
  static void appendContext(StringBuilder d, RacyAccess access) {
    d.append(StackText.render(access.stack()));
    d.append("      locks held: ").append(LockSets.text(access.locksHeld())).append('\n');
    switch (access.origin().how()) {
      case TEST_BODY -> d.append("      thread: the test body\n");
      case TASK_SUBMITTED -> d.append("      running a task submitted at ")
          .append(Names.where(access.origin().at())).append('\n');
      case STARTED -> d.append("      thread started at ")
          .append(Names.where(access.origin().at())).append('\n');
      case UNKNOWN -> { }
    }
    d.append('\n');
  }

  private static String verb(Access.Kind kind) {
    return switch (kind) {
      case STRUCTURAL_WRITE -> "writes (structural)";
      case WRITE -> "writes (in place)";
      case ITERATION -> "iterates";
      case READ -> "reads";
    };
  }
}
