package dev.weft.internal.report;

import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.ExceptionFailure;
import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.Livelock;
import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.NotLinearizable;
import dev.weft.internal.failure.TraceRow;
import dev.weft.internal.failure.WeftInternalError;
import java.util.List;

/**
 * What a report says about one kind of failure: one implementation per {@link FailureDetails}
 * record, chosen by {@link #of}. A new kind of failure gets its class here and its line in
 * {@link #of}.
 */
interface FailureText {

  /** The first line of the report: what happened and where. */
  String summary();

  /** The explanation below the report's first lines, in parts. */
  List<Paragraph> details();

  /**
   * The anchor of the part that explains a marked event of the interleaving, the {@code index}-th
   * marked one (from 0), or null when no part is about it.
   */
  default String anchorOf(TraceRow marked, int index) {
    return null;
  }

  static FailureText of(FailureDetails details) {
    if (details instanceof DataRace d) {
      return d.location() instanceof FieldLocation ? new FieldRaceText(d) : new RaceText(d);
    }
    if (details instanceof Deadlock d) return new DeadlockText(d);
    if (details instanceof ExceptionFailure d) return new ExceptionText(d);
    if (details instanceof Livelock d) return new LivelockText(d);
    if (details instanceof LostControl d) return new LostControlText(d);
    if (details instanceof WeftInternalError d) return new InternalErrorText(d);
    if (details instanceof NotLinearizable d) return new ViolationText(d.violation());
    throw new IllegalArgumentException("no report for " + details.getClass().getName());
  }

  /** The first line of a message, with {@code ...} when there was more. */
  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }
}
