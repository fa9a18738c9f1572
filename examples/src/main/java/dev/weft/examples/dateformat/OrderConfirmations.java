package dev.weft.examples.dateformat;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Buggy: one {@link SimpleDateFormat} for every request thread, kept in a field because making
 * one per call "is slow".
 *
 * <p>{@code SimpleDateFormat.format} sounds like a read, but it writes: it sets the date into the
 * formatter's own {@code Calendar} and reads the fields back out of it. Two threads formatting at
 * once overwrite each other's fields, so a confirmation can carry the other customer's date, and a
 * {@code parse} can throw {@code NumberFormatException}. The bug shows only under load, which is
 * why it is among the oldest production bugs in Java. {@link OrderConfirmationsFixed} is the fix.
 */
public final class OrderConfirmations implements OrderDates {
  private final SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);

  public OrderConfirmations() {
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
  }

  @Override
  public String day(long epochMillis) {
    return format.format(new Date(epochMillis));
  }
}
