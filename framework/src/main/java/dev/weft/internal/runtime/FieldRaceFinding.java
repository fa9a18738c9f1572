package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.StackFrames;

/** Turns a field race the detector found into the typed failure the report package words. */
final class FieldRaceFinding {
  private FieldRaceFinding() {}

  static DataRace of(FieldRace race) {
    RaceClassification.Conflict conflict = race.earlier().write() && race.later().write()
        ? RaceClassification.Conflict.WRITE_WRITE : RaceClassification.Conflict.READ_WRITE;
    return new DataRace(race.location(), access(race.earlier()), access(race.later()),
        new RaceClassification(false, conflict, RaceClassification.Side.NONE, race.pattern()));
  }

  private static RacyAccess access(FieldAccess access) {
    return new RacyAccess(access.thread().ref(), access.write() ? "write" : "read",
        access.value(), access.write() ? Access.Kind.WRITE : Access.Kind.READ,
        StackFrames.ofTheProgram(access.stack()), access.locksHeld(),
        access.thread().origin(access.taskOrigin()));
  }
}
