/**
 * Weft's public API: explore concurrent code under a controlled scheduler and replay what it
 * found.
 *
 * <p>Start at {@link dev.weft.Weft}: {@code explore} runs a {@link dev.weft.Body} many times under
 * {@link dev.weft.Options} and returns a {@link dev.weft.Result}, whose {@link dev.weft.Failure}
 * (if any) carries the kind, a one-line summary, a replay token, the conflicting
 * {@link dev.weft.Access accesses} of a data race and the exception behind it; {@code replay} runs
 * the execution a token describes.
 *
 * <h2>Nullness</h2>
 *
 * No method of this package returns null, and none accepts it: a null argument throws
 * {@link java.lang.NullPointerException} at once. A value that may be absent is an
 * {@link java.util.Optional} ({@code Result.failure()}, {@code Failure.cause()},
 * {@code Access.location()}) or an {@link java.util.OptionalLong} ({@code Options.seed()}); an
 * absent list is empty.
 *
 * <h2>What the API promises</h2>
 *
 * <ul>
 *   <li>{@code Options}, {@code Result}, {@code Failure} and {@code Access} are immutable and safe
 *       to share between threads. Results, failures and accesses are built by Weft only; they
 *       have no public constructors.
 *   <li>{@code Weft} throws only the types its methods declare: {@link
 *       java.lang.IllegalArgumentException} for a malformed token, {@link
 *       dev.weft.ReplayDivergedException} for a token that no longer fits the body, {@link
 *       java.lang.IllegalStateException} when Weft cannot control the JVM (no agent). A failure
 *       of the code under test is never thrown: it is the {@code Result}.
 *   <li>One exploration or replay runs per JVM at a time; concurrent calls wait their turn, in
 *       arrival order.
 *   <li>The same seed and options on the same program explore the same executions, and a token
 *       replays its execution in another JVM.
 *   <li>Reports name no build tool: a failure's report ends with how to replay it through
 *       {@code Weft.replay}, and {@code Result.report(String)} and {@code
 *       Result.htmlPage(String)} let a tool such as the JUnit extension say it its own way.
 * </ul>
 *
 * <p>The packages below {@code dev.weft.internal} and {@code dev.weft.boot} are Weft's engine:
 * public for its own use across packages, with no compatibility promise.
 */
package dev.weft;
