package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.ThreadRef;
import dev.weft.internal.failure.WaitEdge;
import dev.weft.scheduler.RandomWalkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each kind of wait answers: enabled, woken, interrupted, timed out, and what a deadlock
 * report says it waits for (as typed values; the report package words them). The threads belong
 * to an execution that never runs, for its virtual clock: a timed wait whose deadline the clock
 * has passed may be chosen to time out.
 */
class BlockerTest {
  private final Execution execution =
      new Execution(new RandomWalkStrategy(1), 100, Detection.all(false));
  /** T0, so that the threads below are 1 and 2, as the reports name them. */
  private final ControlledThread body = thread("body");
  private final ControlledThread waiter = thread("waiter");
  private final ControlledThread other = thread("other");

  private ControlledThread thread(String name) {
    return execution.register(new Thread(() -> {}, name), null, false);
  }

  @Test
  void aMonitorEnterIsEnabledWhenTheMonitorIsFreeAndTakesItWhenChosen() {
    Object lock = new Object();
    MonitorState monitor = new MonitorState(7);
    monitor.owner = other;
    MonitorEnter enter = new MonitorEnter(lock, monitor, 3, 42, WakeReason.NOTIFIED);
    assertThat(enter.stepObject()).isEqualTo(7);
    assertThat(enter.isEnabled(waiter)).isFalse();
    assertThat(enter.awaiting(waiter, null)).isEqualTo(new Blocker.Awaiting(
        new Awaited.Monitor(ObjectId.of(lock)),
        List.of(new WaitEdge.Holder(new ThreadRef(2, "other"), null))));
    assertThat(enter.interrupted(waiter)).isSameAs(enter);

    monitor.owner = null;
    assertThat(enter.isEnabled(waiter)).isTrue();
    assertThat(enter.wake(waiter)).isEqualTo(WakeReason.NOTIFIED);
    assertThat(monitor.owner).isSameAs(waiter);
    assertThat(monitor.count).isEqualTo(3);
    assertThat(monitor.acquiredAt).isEqualTo(42);
    assertThat(waiter.locks.monitors).isEqualTo(1);
  }

  @Test
  void anObjectWaitIsEnabledOnlyPastItsDeadlineAndLeavesTheWaitSetOnInterruptOrTimeout() {
    Object lock = new Object();
    MonitorState monitor = new MonitorState(7);
    monitor.waitSet.add(waiter);
    ObjectWait wait = new ObjectWait(lock, monitor, 2, 1_000, 5);
    assertThat(wait.isEnabled(waiter)).isFalse();
    execution.virtualClock().advance(999);
    assertThat(wait.isEnabled(waiter)).isFalse();
    assertThat(wait.deadline()).isEqualTo(1_000);
    assertThat(wait.awaiting(waiter, null).awaited())
        .isEqualTo(new Awaited.Notify(ObjectId.of(lock)));
    assertThat(wait.awaiting(waiter, null).holders()).isEmpty();

    Blocker interrupted = wait.interrupted(waiter);
    assertThat(monitor.waitSet).isEmpty();
    assertThat(interrupted).isEqualTo(new MonitorEnter(lock, monitor, 2, 5,
        WakeReason.INTERRUPTED));
    assertThat(interrupted.deadline()).isEqualTo(-1);

    monitor.waitSet.add(waiter);
    assertThat(wait.timedOut(waiter)).isEqualTo(new MonitorEnter(lock, monitor, 2, 5,
        WakeReason.TIMED_OUT));
    assertThat(monitor.waitSet).isEmpty();
  }

  @Test
  void anObjectWaitPastItsDeadlineTimesOutWhenItCanTakeTheMonitorBack() {
    Object lock = new Object();
    MonitorState monitor = new MonitorState(7);
    monitor.waitSet.add(waiter);
    ObjectWait untimed = new ObjectWait(lock, monitor, 2, -1, 5);
    ObjectWait timed = new ObjectWait(lock, monitor, 2, 1_000, 5);
    execution.virtualClock().advance(1_000);
    assertThat(untimed.isEnabled(waiter)).isFalse();
    monitor.owner = other;
    assertThat(timed.isEnabled(waiter)).as("another thread holds the monitor").isFalse();

    monitor.owner = null;
    assertThat(timed.isEnabled(waiter)).isTrue();
    assertThat(timed.wake(waiter)).isEqualTo(WakeReason.TIMED_OUT);
    assertThat(monitor.waitSet).isEmpty();
    assertThat(monitor.owner).isSameAs(waiter);
    assertThat(monitor.count).isEqualTo(2);
  }

  @Test
  void aJoinIsEnabledOnceTheTargetFinishedOrTheWaitEnded() {
    Join join = new Join(other, 500, 9, WakeReason.NONE);
    assertThat(join.stepObject()).isEqualTo(other.stepObject);
    assertThat(join.isEnabled(waiter)).isFalse();
    assertThat(join.awaiting(waiter, null))
        .isEqualTo(new Blocker.Awaiting(new Awaited.Join(new ThreadRef(2, "other"))));

    Blocker interrupted = join.interrupted(waiter);
    assertThat(interrupted.isEnabled(waiter)).isTrue();
    assertThat(interrupted.deadline()).isEqualTo(-1);
    assertThat(interrupted.wake(waiter)).isEqualTo(WakeReason.INTERRUPTED);
    assertThat(join.timedOut(waiter).wake(waiter)).isEqualTo(WakeReason.TIMED_OUT);

    other.finished = true;
    assertThat(join.isEnabled(waiter)).isTrue();
    assertThat(join.wake(waiter)).isEqualTo(WakeReason.NONE);
  }

  @Test
  void aTimedJoinPastItsDeadlineMayTimeOutBeforeTheTargetEnds() {
    Join timed = new Join(other, 500, 9, WakeReason.NONE);
    Join untimed = new Join(other, -1, 9, WakeReason.NONE);
    execution.virtualClock().advance(499);
    assertThat(timed.isEnabled(waiter)).isFalse();
    execution.virtualClock().advance(1);
    assertThat(untimed.isEnabled(waiter)).isFalse();
    assertThat(timed.isEnabled(waiter)).isTrue();
    assertThat(timed.wake(waiter)).isEqualTo(WakeReason.TIMED_OUT);

    // Past the deadline but after the target ended, the join returned: it did not time out.
    other.finished = true;
    assertThat(timed.wake(waiter)).isEqualTo(WakeReason.NONE);
  }

  @Test
  void aParkIsEnabledByThePermitWhichWakingConsumes() {
    Park park = new Park(null, -1, WakeReason.NONE);
    assertThat(park.stepObject()).isEqualTo(StepObjects.LIBRARY);
    assertThat(park.awaitsUnpark()).isTrue();
    assertThat(park.isEnabled(waiter)).isFalse();
    assertThat(park.awaiting(waiter, null))
        .isEqualTo(new Blocker.Awaiting(new Awaited.Unpark(null)));

    waiter.permit = true;
    assertThat(park.isEnabled(waiter)).isTrue();
    assertThat(park.wake(waiter)).isEqualTo(WakeReason.UNPARKED);
    assertThat(waiter.permit).isFalse();

    // An interrupt or a timeout ends the park and leaves the permit alone.
    waiter.permit = true;
    assertThat(park.interrupted(waiter).wake(waiter)).isEqualTo(WakeReason.INTERRUPTED);
    assertThat(park.timedOut(waiter).wake(waiter)).isEqualTo(WakeReason.TIMED_OUT);
    assertThat(waiter.permit).isTrue();
  }

  @Test
  void aTimedParkPastItsDeadlineTimesOutUnlessThePermitCame() {
    Park timed = new Park(null, 500, WakeReason.NONE);
    assertThat(timed.isEnabled(waiter)).isFalse();
    execution.virtualClock().advance(500);
    assertThat(new Park(null, -1, WakeReason.NONE).isEnabled(waiter)).isFalse();
    assertThat(timed.isEnabled(waiter)).isTrue();
    assertThat(timed.wake(waiter)).isEqualTo(WakeReason.TIMED_OUT);

    waiter.permit = true;
    assertThat(timed.wake(waiter)).isEqualTo(WakeReason.UNPARKED);
    assertThat(waiter.permit).isFalse();
  }

  @Test
  void onlyAParkWaitsForAnUnparkFromOutside() {
    MonitorState monitor = new MonitorState(7);
    assertThat(new MonitorEnter(this, monitor, 1, -1, WakeReason.NONE).awaitsUnpark()).isFalse();
    assertThat(new ObjectWait(this, monitor, 1, -1, -1).awaitsUnpark()).isFalse();
    assertThat(new Join(other, -1, -1, WakeReason.NONE).awaitsUnpark()).isFalse();
  }
}
