package dev.weft.internal.runtime;

import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.RaceClassification;

/**
 * A data race on a plain field or array element as the detector found it: two accesses by
 * different threads, at least one a write, that nothing orders. What the silencing rules judge;
 * {@link FieldRaceFinding} turns it into the typed failure. Immutable.
 *
 * @param earlier the access recorded first
 * @param later the access that completed the race
 * @param pattern what the program did around the two accesses
 */
record FieldRace(FieldLocation location, FieldAccess earlier, FieldAccess later,
    RaceClassification.Pattern pattern) {}
