package dev.weft.internal.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Unparks of controlled threads by threads outside the execution: a common-pool worker busy with
 * work of its own when the execution began may complete a task and unpark a controlled thread.
 * They are queued by the outside thread and granted by the turn holder, so the model stays
 * single-threaded.
 */
final class OutsideUnparks {
  /**
   * How long an execution in which nobody can run waits for such an unpark before it calls a
   * deadlock. Long enough for a worker to finish a short task on a loaded machine.
   */
  private static final long GRACE_NANOS = 300_000_000L;

  private final ConcurrentLinkedQueue<ControlledThread> pending = new ConcurrentLinkedQueue<>();

  /** Called by the outside thread. */
  void add(ControlledThread target) {
    pending.add(target);
  }

  /** Called by the turn holder: grants the permits of the unparks that arrived. */
  void apply() {
    ControlledThread t;
    while ((t = pending.poll()) != null) t.permit = true;
  }

  /**
   * Before calling a deadlock: waits briefly for an unpark from outside, only when a thread waits
   * for one and a common-pool worker outside the execution could give it. Returns whether one
   * arrived.
   */
  boolean awaitBeforeDeadlock(Execution execution) {
    boolean someoneAwaitsUnpark = false;
    for (ControlledThread t : execution.threads()) {
      if (t.blocker != null && t.blocker.awaitsUnpark()) someoneAwaitsUnpark = true;
    }
    if (!someoneAwaitsUnpark || !execution.anyCommonPoolWorkerOutside()) return false;
    long deadline = System.nanoTime() + GRACE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      if (!pending.isEmpty()) return true;
      Thread.onSpinWait();
      Thread.yield();
    }
    return !pending.isEmpty();
  }
}
