/**
 * Benchmarks of Weft: mains, never tests, because timing belongs here and not in unit tests.
 * {@link dev.weft.bench.RuntimeBenchmark} measures executions per second of the controlled
 * runtime; the others measure shrinking, linearizability checking and the modelling of
 * synchronized JDK calls. See the module's README for how to run each and the results.
 */
package dev.weft.bench;
