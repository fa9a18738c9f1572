package dev.weft.examples.dateformat;

/** Turns order timestamps into the dates printed on confirmations, and back. */
public interface OrderDates {
  /** The day of {@code epochMillis} (UTC), as {@code yyyy-MM-dd}. */
  String day(long epochMillis);
}
