/**
 * A currency converter that loads its rate table on first use into a plain field, publishing a
 * HashMap without happens-before, and its fix.
 */
package dev.weft.examples.lazyinit;
