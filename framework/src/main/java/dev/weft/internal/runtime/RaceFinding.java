package dev.weft.internal.runtime;

import dev.weft.internal.agent.JdkObjectFamily;
import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.JdkObjectLocation;
import dev.weft.internal.failure.Location;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.RaceClassification.Conflict;
import dev.weft.internal.failure.RaceClassification.Side;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.StackFrames;
import dev.weft.internal.failure.Value;
import java.util.List;

/** Turns a race the detector found into the typed failure: the location, both accesses, the kind. */
final class RaceFinding {
  private RaceFinding() {}

  /** Marks an access whose method takes no argument. */
  static final Object NO_ARGUMENT = dev.weft.boot.Hooks.NO_ARGUMENT;

  static DataRace of(Race race, StackTraceElement createdAt) {
    return new DataRace(location(race.collection(), createdAt), access(race.earlier()),
        access(race.later()), classify(race));
  }

  /** A JDK object of {@link JdkObjects}, or a collection. */
  private static Location location(Object instance, StackTraceElement createdAt) {
    JdkObjectFamily family = JdkObjects.familyOf(instance);
    if (family != null) {
      return new JdkObjectLocation(ObjectId.of(instance), family,
          JdkObjects.typeName(instance.getClass()), createdAt);
    }
    boolean accessOrdered = instance instanceof java.util.LinkedHashMap
        && CollectionOperations.isAccessOrdered(instance);
    return new CollectionLocation(ObjectId.of(instance), instance instanceof java.util.Map,
        accessOrdered, createdAt);
  }

  private static RaceClassification classify(Race race) {
    CollectionAccess a = race.earlier();
    CollectionAccess b = race.later();
    Conflict conflict = a.write() && b.write() ? Conflict.WRITE_WRITE
        : isIteration(a) || isIteration(b) ? Conflict.ITERATION_WRITE : Conflict.READ_WRITE;
    Side resized = a.growsTable() ? Side.FIRST : b.growsTable() ? Side.THEN : Side.NONE;
    return new RaceClassification(race.overlapping(), conflict, resized);
  }

  private static boolean isIteration(CollectionAccess access) {
    String op = access.operation();
    return op.endsWith("iteration") || op.endsWith(".forEach") || op.endsWith(".iterator")
        || op.endsWith(".forEachRemaining") || op.endsWith(".listIterator")
        || op.endsWith(".descendingIterator") || op.endsWith(".spliterator");
  }

  private static RacyAccess access(CollectionAccess access) {
    Value argument = access.argument() == NO_ARGUMENT ? null : Value.of(access.argument());
    return new RacyAccess(access.thread().ref(), access.operation(), argument, access.kind(),
        StackFrames.ofTheProgram(access.stack()), access.locksHeld(),
        access.thread().origin(access.taskOrigin()));
  }
}
