package dev.weft.internal.report;

import java.time.Duration;

/** How reports write a time budget: {@code 30 s}, or {@code 500 ms} below a second. */
final class Durations {
  private Durations() {}

  static String brief(Duration d) {
    long s = d.toSeconds();
    return s >= 1 ? s + " s" : d.toMillis() + " ms";
  }
}
