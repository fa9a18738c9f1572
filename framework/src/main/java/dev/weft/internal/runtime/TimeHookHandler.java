package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.TimeHooks;
import dev.weft.scheduler.StepKind;

/**
 * Sleeps on the virtual clock, reads it, yields and spin waits: scheduling choices, never real
 * time.
 */
final class TimeHookHandler implements TimeHooks {

  @Override
  public void sleep(long nanos, int site) throws InterruptedException {
    ControlledThread me = enter();
    if (me == null) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
      return;
    }
    try {
      // The sleep takes no time between its scheduling points: an interrupt "during" it is one
      // before this check, which is a step on the status so that its order with an interrupt is
      // explored; one after it finds the sleep over and stays set.
      me.execution.interruptStatusPoint(me, me, StepKind.WRITE);
      if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
      me.execution.blocking().sleep(me, nanos, me.spinningAt(site));
    } finally {
      leave(me);
    }
  }

  @Override
  public void yieldNow(int site) {
    spinPoint();
  }

  @Override
  public void spinWait(int site) {
    spinPoint();
  }

  @Override
  public long nanoTime(int site) {
    ControlledThread me = enter();
    if (me == null) return System.nanoTime();
    try {
      return VirtualClock.NANO_TIME_ORIGIN + me.execution.readClock(me, me.spinningAt(site));
    } finally {
      leave(me);
    }
  }

  @Override
  public long currentTimeMillis(int site) {
    ControlledThread me = enter();
    if (me == null) return System.currentTimeMillis();
    try {
      long nanos = me.execution.readClock(me, me.spinningAt(site));
      return VirtualClock.EPOCH_MILLIS_ORIGIN + nanos / 1_000_000L;
    } finally {
      leave(me);
    }
  }

  @Override
  public java.time.Clock systemClock(int site) {
    return new ExecutionClock(java.time.ZoneId.systemDefault(), site);
  }

  private static void spinPoint() {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.localSchedulingPoint(me, true);
    } finally {
      leave(me);
    }
  }
}
