package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Two conflicting accesses to one location by different threads, at least one a write, with
 * nothing ordering them.
 *
 * @param location what they raced on
 * @param first the access that happened first
 * @param then the access that completed the race
 * @param classification how they conflict
 */
public record DataRace(Location location, RacyAccess first, RacyAccess then,
    RaceClassification classification, FailureDetails after) implements FailureDetails {

  /** A race the execution ended with. */
  public DataRace(Location location, RacyAccess first, RacyAccess then,
      RaceClassification classification) {
    this(location, first, then, classification, null);
  }

  /**
   * This race, with what went wrong when the traced run went on after it (an assertion that
   * failed, an exception, a deadlock): the race stays the failure, since it is the cause.
   */
  public DataRace followedBy(FailureDetails next) {
    return new DataRace(location, first, then, classification, next);
  }

  @Override
  public Optional<Throwable> cause() {
    return after == null ? Optional.empty() : after.cause();
  }

  public DataRace {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(then, "then");
    Objects.requireNonNull(classification, "classification");
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.DATA_RACE;
  }

  @Override
  public Set<Object> subjects() {
    if (after == null) return Set.of(location.subject());
    Set<Object> all = new java.util.HashSet<>(after.subjects());
    all.add(location.subject());
    return Set.copyOf(all);
  }
}
