package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.Objects;
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
    RaceClassification classification) implements FailureDetails {

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
    return Set.of(location.subject());
  }
}
