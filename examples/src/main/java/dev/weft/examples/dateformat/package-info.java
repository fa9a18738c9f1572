/**
 * Case 12: a {@code SimpleDateFormat} shared by request threads, and the {@code
 * DateTimeFormatter} that fixes it.
 */
package dev.weft.examples.dateformat;
