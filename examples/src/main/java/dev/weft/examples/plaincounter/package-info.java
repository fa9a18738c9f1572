/**
 * A hit counter on a plain {@code int} incremented by every request thread, the first
 * concurrency bug most Java teams write (a lost update), and its fix with an AtomicInteger.
 */
package dev.weft.examples.plaincounter;
