/**
 * The strategy benchmark of issue 12: small programs of our own with known bugs (ordering bugs
 * among 2 to 100 threads, atomicity violations under locks, bugs that need exactly 1, 2 and 3
 * preemptions, a lock-order deadlock, a lost wake-up), each with a correct twin, and a main that
 * measures every {@link dev.weft.Strategy} on them. The default strategy is chosen from its
 * table (bench/README.md).
 */
package dev.weft.bench.strategies;
