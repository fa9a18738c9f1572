/**
 * Per-tenant counters: a ConcurrentHashMap whose values are plain HashMaps, and its fix with
 * concurrent maps all the way down.
 */
package dev.weft.examples.nestedmap;
