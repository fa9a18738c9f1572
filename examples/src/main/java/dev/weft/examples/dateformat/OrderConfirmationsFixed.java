package dev.weft.examples.dateformat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Fixed {@link OrderConfirmations}: a {@link DateTimeFormatter} instead of a {@code
 * SimpleDateFormat}.
 *
 * <p>{@code DateTimeFormatter} is immutable: formatting builds its result in a fresh buffer and
 * touches no state of the formatter, so one instance in a {@code static final} field can serve
 * every thread with no lock. Where {@code java.util.Date} must stay, a {@code SimpleDateFormat}
 * per thread ({@code ThreadLocal.withInitial}) or per call is the other correct fix.
 */
public final class OrderConfirmationsFixed implements OrderDates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String day(long epochMillis) {
    return DAY.format(Instant.ofEpochMilli(epochMillis));
  }
}
