package dev.weft.scheduler;

/**
 * What every thread of the running execution does at its next step, as the controlled runtime
 * knows it: the object the step touches and how ({@link StepKind}). Strategies that reason about
 * independent steps (partial-order reduction, partial-order sampling) read it when they pick.
 *
 * <p>The view is live: at every {@link SchedulingStrategy#pickThread} call it describes the
 * threads at that scheduling point, disabled ones included (a thread blocked on a monitor names
 * that monitor). Reading it allocates nothing, so it may be read on the hot path.
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
