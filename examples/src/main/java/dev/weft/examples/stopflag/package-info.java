/**
 * A worker that spins on a plain {@code boolean} another thread sets to stop it, and its fix with
 * a {@code volatile} flag.
 */
package dev.weft.examples.stopflag;
