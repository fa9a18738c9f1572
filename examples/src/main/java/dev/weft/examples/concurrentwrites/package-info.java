/**
 * Request threads updating one plain HashMap, the Java form of Go's {@code concurrent map
 * writes}, and its fix with a ConcurrentHashMap and merge.
 */
package dev.weft.examples.concurrentwrites;
