package dev.weft.internal.runtime;

/**
 * Two conflicting accesses to one collection by different threads, at least one a write, with
 * nothing ordering them. {@code overlapping} says the earlier one was still running when the later
 * one began (Go's "concurrent map writes"); otherwise they were merely unordered by happens-before.
 */
record Race(Object collection, CollectionAccess earlier, CollectionAccess later,
    boolean overlapping) {}
