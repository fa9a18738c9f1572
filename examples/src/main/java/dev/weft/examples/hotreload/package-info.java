/**
 * A hot reload that rewrites the live HashMap in place ({@code clear}, then {@code putAll})
 * while request threads read it, and its fix.
 */
package dev.weft.examples.hotreload;
