/**
 * Linearizability checking behind {@link dev.weft.Linearizability}: drawing a scenario from the
 * execution's recorded choices ({@link dev.weft.internal.linearizability.ScenarioEncoding}),
 * running it on controlled threads and recording the history
 * ({@link dev.weft.internal.linearizability.ScenarioRun}), the search for a sequential order
 * ({@link dev.weft.internal.linearizability.LinearizabilityChecker}), the explanation of a
 * failure ({@link dev.weft.internal.linearizability.ViolationExplainer}) as a typed
 * {@link dev.weft.internal.linearizability.Violation}, which the report package renders (as text
 * and HTML) like every other failure.
 *
 * <p>Internal: no compatibility promise; only {@link dev.weft.Linearizability} is public API.
 */
package dev.weft.internal.linearizability;
