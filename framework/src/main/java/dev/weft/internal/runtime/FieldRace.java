package dev.weft.internal.runtime;

/**
 * A data race on a plain field or array element: two accesses by different threads, at least one
 * a write, that nothing orders. The typed value detection produces and {@link FieldRaceReport}
 * renders. Immutable.
 *
 * @param earlier the access recorded first
 * @param later the access that completed the race
 */
record FieldRace(FieldLocation location, FieldAccess earlier, FieldAccess later,
    FieldRaceKind kind) {}
