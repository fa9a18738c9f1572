package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each kind of wait answers: enabled, woken, interrupted, timed out, described. */
class BlockerTest {
  private final ControlledThread waiter = thread(1, "waiter");
  private final ControlledThread other = thread(2, "other");

  private static ControlledThread thread(int id, String name) {
    return new ControlledThread(id, new Thread(() -> {}, name), null, 10 + id, false);
  }

  @Test
  void aMonitorEnterIsEnabledWhenTheMonitorIsFreeAndTakesItWhenChosen() {
    Object lock = new Object();
    MonitorState monitor = new MonitorState(7);
    monitor.owner = other;
    MonitorEnter enter = new MonitorEnter(lock, monitor, 3, 42, WakeReason.NOTIFIED);
    assertThat(enter.stepObject()).isEqualTo(7);
    assertThat(enter.isEnabled(waiter)).isFalse();
    assertThat(enter.waitsFor("A.java:1", null)).startsWith("waits at A.java:1 for monitor "
        + "java.lang.Object@").contains(" held by T2 (other)");
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
  void anObjectWaitIsNeverEnabledAndLeavesTheWaitSetOnInterruptOrTimeout() {
    Object lock = new Object();
    MonitorState monitor = new MonitorState(7);
    monitor.waitSet.add(waiter);
    ObjectWait wait = new ObjectWait(lock, monitor, 2, 1_000, 5);
    assertThat(wait.isEnabled(waiter)).isFalse();
    assertThat(wait.deadline()).isEqualTo(1_000);
    assertThat(wait.waitsFor("A.java:5", null)).endsWith(".wait() for a notify that never comes");

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
  void aJoinIsEnabledOnceTheTargetFinishedOrTheWaitEnded() {
    Join join = new Join(other, 500, 9, WakeReason.NONE);
    assertThat(join.stepObject()).isEqualTo(other.stepObject);
    assertThat(join.isEnabled(waiter)).isFalse();
    assertThat(join.waitsFor("A.java:9", null)).isEqualTo("waits at A.java:9 to join T2 (other)");

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
  void aParkIsEnabledByThePermitWhichWakingConsumes() {
    Park park = new Park(null, -1, WakeReason.NONE);
    assertThat(park.stepObject()).isEqualTo(StepObjects.LIBRARY);
    assertThat(park.awaitsUnpark()).isTrue();
    assertThat(park.isEnabled(waiter)).isFalse();
    assertThat(park.waitsFor("?", null)).isEqualTo("waits at ? for an unpark");

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
  void onlyAParkWaitsForAnUnparkFromOutside() {
    MonitorState monitor = new MonitorState(7);
    assertThat(new MonitorEnter(this, monitor, 1, -1, WakeReason.NONE).awaitsUnpark()).isFalse();
    assertThat(new ObjectWait(this, monitor, 1, -1, -1).awaitsUnpark()).isFalse();
    assertThat(new Join(other, -1, -1, WakeReason.NONE).awaitsUnpark()).isFalse();
  }
}
