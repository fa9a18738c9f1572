/**
 * A reporter iterating a plain HashMap while logins change it (Go's range racing a write), and
 * its fix.
 */
package dev.weft.examples.iteration;
