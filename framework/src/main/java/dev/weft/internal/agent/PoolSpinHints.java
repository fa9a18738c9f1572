package dev.weft.internal.agent;

/**
 * The {@code Thread.onSpinWait} calls of JDK code that are hints to the processor only, not waits
 * for another thread, and so are left as they are instead of becoming scheduling points.
 *
 * <p>JDK 25's {@code ForkJoinPool.deactivate} spins a bounded number of times (at least 256)
 * over the pool's queue array before the worker parks, calling {@code onSpinWait} at each empty
 * slot. While a controlled worker runs there nobody else does, so the loop ends the same way
 * whether or not it yields; as scheduling points its calls only add steps, and their number
 * depends on which slots of the array are empty: on where the earlier executions' submitting
 * threads (each with a fresh random probe) made their submission queues. The same schedule then
 * met a different number of steps in the next execution, and common-pool replays diverged. The
 * pool's other spins (its run-state lock) wait for another thread and stay scheduling points.
 */
final class PoolSpinHints {
  private PoolSpinHints() {}

  private static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";

  /** Whether the {@code onSpinWait} calls in {@code method} of {@code owner} are hints only. */
  static boolean onlyHints(String ownerInternalName, String method) {
    return ownerInternalName.equals(FORK_JOIN_POOL) && method.equals("deactivate");
  }
}
