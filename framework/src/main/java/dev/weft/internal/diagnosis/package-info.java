/**
 * Diagnosis of failures that are Weft's own (a class Weft's rewriting broke, an exception inside
 * a hook), so that they are reported as internal errors and never as the program's bug. Internal:
 * no compatibility promise.
 */
package dev.weft.internal.diagnosis;
