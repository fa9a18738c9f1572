/**
 * What went wrong in an execution, as immutable typed values: the two accesses of a data race
 * with their classification and locks, the wait-for edges of a deadlock, an exception, a stall,
 * a non-linearizable history, and the trace of typed events behind them. Detection builds these
 * values; {@code dev.weft.internal.report} renders them, so no failure is text appended and parsed
 * back.
 *
 * <p>Internal: no compatibility promise; anything here may change in any release.
 */
package dev.weft.internal.failure;
