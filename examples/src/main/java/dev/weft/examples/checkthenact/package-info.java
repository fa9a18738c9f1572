/**
 * A login throttle whose failure count is a get followed by a put on a ConcurrentHashMap: a
 * check-then-act that loses updates, and its fix with one atomic merge.
 */
package dev.weft.examples.checkthenact;
