package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The system clock as the program sees it: read by a thread of an execution, it is the
 * execution's virtual clock (as {@code System.currentTimeMillis()} is there, a tick a read, the
 * same in every replay); read by any other thread, or once the execution is over, it is the real
 * clock. So a clock the program keeps for later is never stuck in an execution that has ended.
 */
final class ExecutionClock extends Clock {
  private final ZoneId zone;
  /** The call site that asked for the clock: repeated reads there count as spinning. */
  private final int site;

  ExecutionClock(ZoneId zone, int site) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.site = site;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new ExecutionClock(other, site);
  }

  @Override
  public Instant instant() {
    ControlledThread me = enter();
    if (me == null) return Instant.now();
    try {
      long nanos = me.execution.readClock(me, me.spinningAt(site));
      return Instant.ofEpochMilli(VirtualClock.EPOCH_MILLIS_ORIGIN).plusNanos(nanos);
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExecutionClock clock && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode() + 1;
  }

  @Override
  public String toString() {
    return "ExecutionClock[" + zone + "]";
  }
}
