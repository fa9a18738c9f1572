/**
 * A Collections.synchronizedMap iterated without holding its lock, and its fix.
 */
package dev.weft.examples.synchronizedmap;
