package dev.weft.scheduler;

/**
 * What every thread of the running execution does at its next step, as the controlled runtime
 * knows it: the object the step touches and how ({@link StepKind}). Strategies that reason about
 * independent steps (partial-order reduction, partial-order sampling) read it when they pick.
 *
 * <p>The view is live: at every {@link SchedulingStrategy#pickThread} call it describes the
 * threads at that scheduling point, disabled ones included (a thread blocked on a monitor names
 * that monitor). Reading it allocates nothing, so it may be read on the hot path. It stays valid
 * until {@link SchedulingStrategy#finishExecution} has returned, since a strategy checks the
 * threads left at the end of an execution too; a thread that has ended reads as {@link
 * #NO_OBJECT} and {@link StepKind#LOCAL}.
 *
 * <p>What the runtime need not say: which thread a step enabled or disabled (a strategy sees
 * the enabled threads at every pick and compares), and the step a thread ran (it is the one the
 * view named when the thread was picked). So a join need not be a step of the joined thread's
 * end, and a lock release need not name the threads it wakes.
 *
 * <p>What it must say truthfully: two steps the view calls independent must commute. A step
 * that touches several shared objects between two scheduling points names any one of them only
 * if the others are touched by no other thread; otherwise it must be split by a scheduling
 * point, or named as a {@link StepKind#SYNC} on an object that stands for all of them.
 *
 * <p>Objects are numbered by the runtime in the order one execution first meets them, so the same
 * schedule prefix gives the same numbers in every execution and every JVM.
 */
public interface NextSteps {
  /** The object of a {@link StepKind#LOCAL} step: independent of every other step. */
  int NO_OBJECT = -1;

  /** The object thread {@code thread}'s next step touches, or {@link #NO_OBJECT}. */
  int objectOf(int thread);

  /** How thread {@code thread}'s next step touches {@link #objectOf} its object. */
  StepKind kindOf(int thread);

  /** Whether two steps of different threads may give different results in the other order. */
  static boolean dependent(int objectA, StepKind kindA, int objectB, StepKind kindB) {
    return objectA != NO_OBJECT && objectA == objectB
        && kindA != StepKind.LOCAL && kindB != StepKind.LOCAL
        && (kindA != StepKind.READ || kindB != StepKind.READ);
  }

  /** A view for runtimes (and tests) that know nothing about steps: every step is local. */
  NextSteps UNKNOWN = new NextSteps() {
    @Override
    public int objectOf(int thread) {
      return NO_OBJECT;
    }

    @Override
    public StepKind kindOf(int thread) {
      return StepKind.LOCAL;
    }
  };
}
