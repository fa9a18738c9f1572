package dev.weft.bench.strategies;

import dev.weft.Failure;
import dev.weft.Result;
import java.util.Optional;

/**
 * One exploration of one program by one strategy with one seed.
 *
 * @param kind the failure reported, or empty when it passed
 * @param executions executions run, up to and including the failing one
 * @param seconds wall-clock seconds of the whole exploration
 * @param exhausted whether a systematic search explored every schedule within its bound
 * @param summary the report's first line, for a failure nobody expected
 */
record Trial(Optional<Failure.Kind> kind, int executions, double seconds, boolean exhausted,
    String summary) {

  static Trial of(Result result, double seconds) {
    String report = result.report();
    int end = report.indexOf('\n');
    return new Trial(result.failure().map(Failure::kind), result.executions(), seconds,
        result.exhausted(), end < 0 ? report : report.substring(0, end));
  }

  /** Whether this trial found the failure {@code expected}. */
  boolean found(Failure.Kind expected) {
    return kind.isPresent() && kind.get() == expected;
  }
}
