/**
 * A rate limiter whose operations read the count and then write it, two steps on an
 * AtomicInteger that hand out the last token twice (NOT_LINEARIZABLE, no data race), and its fix
 * with one atomic read-modify-write.
 */
package dev.weft.examples.tokenbucket;
