package dev.weft.internal.runtime;

import dev.weft.internal.agent.NamePatterns;
import dev.weft.internal.agent.ProjectClasses;
import dev.weft.internal.failure.FieldLocation;

/**
 * Which field accesses the race detector tracks and which of its races it reports, from the
 * exploration's options. Tracked: accesses in classes the run-time scope includes (the agent's
 * own scope, read when classes load, comes first). Reported: races no benign pattern or {@code
 * BenignRace} annotation silences, and (unless library races are asked for) with at least one
 * access in the project's own classes. A race that is not reported still makes its location a
 * scheduling point from then on, so that what it breaks can be found. Immutable.
 */
record FieldRaceRules(boolean reportLibraryRaces, NamePatterns benign, NamePatterns include,
    NamePatterns exclude) {

  static final FieldRaceRules DEFAULT =
      new FieldRaceRules(false, NamePatterns.NONE, NamePatterns.NONE, NamePatterns.NONE);

  /** Whether accesses made by code of {@code className} are tracked. */
  boolean tracks(String className) {
    return (include.isEmpty() || include.matches(className)) && !exclude.matches(className);
  }

  /** Why {@code race} stays quiet, or null when it is reported. */
  String silenced(FieldRace race) {
    FieldLocation where = race.location();
    if (where.markedBenign()) return "its field is annotated @BenignRace";
    if (benign.matches(where.qualifiedName()) || benign.matches(classOf(race.earlier()))
        || benign.matches(classOf(race.later()))) {
      return "it matches the benign races " + benign;
    }
    if (!reportLibraryRaces && !ProjectClasses.contains(classOf(race.earlier()))
        && !ProjectClasses.contains(classOf(race.later()))) {
      return "neither access is in the project's own classes";
    }
    return null;
  }

  private static String classOf(FieldAccess access) {
    StackTraceElement where = access.location();
    return where == null ? "" : where.getClassName();
  }
}
