/**
 * The showcase: {@link dev.weft.examples.ShowBugs} runs every buggy example under Weft and
 * prints what it finds, then the fixed version of each, which must pass. Each sub-package is one
 * real bug pattern from the Go map-race articles, in its Java form, buggy and fixed, with the
 * scenario both run.
 */
package dev.weft.examples;
