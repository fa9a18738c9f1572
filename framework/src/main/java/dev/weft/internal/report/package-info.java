/**
 * All rendering of results, apart from detection: the text report, the HTML page, the JSON
 * record, the interleaving table, and how stacks, values, objects, threads and locks are named
 * ({@link dev.weft.internal.report.Names}, one naming everywhere) and escaped ({@link
 * dev.weft.internal.report.Html}, one escape). It reads the typed values of {@code
 * dev.weft.internal.failure} and never names a test framework's parameter: the caller chooses how
 * a failure is replayed.
 *
 * <p>Internal: no compatibility promise; anything here may change in any release.
 */
package dev.weft.internal.report;
