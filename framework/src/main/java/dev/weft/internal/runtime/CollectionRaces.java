package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.boot.ExecutionAborted;
import dev.weft.scheduler.StepKind;
import java.util.IdentityHashMap;

/**
 * The race detector's side of one execution: turns operations on collections and JDK objects
 * into accesses (with the caller's line, the locks held and the task being run), feeds them to
 * the {@link RaceDetector}, and on a race fails the execution with its {@link RaceFinding}.
 * Remembers where collections and objects were created and where tasks were submitted, for the
 * report. Exists only when race detection is on.
 */
final class CollectionRaces {
  private final Execution execution;
  private final VectorClocks clocks;
  private final RaceDetector races;
  private final IdentityHashMap<Object, StackTraceElement> createdAt = new IdentityHashMap<>();
  /** Where each task was submitted, for "task submitted at" in race reports. */
  private final IdentityHashMap<Object, StackTraceElement> taskOrigins = new IdentityHashMap<>();

  CollectionRaces(Execution execution) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.races = new RaceDetector(clocks);
  }

  /**
   * An operation on a tracked collection begins. Returns whether it is tracked (then {@link
   * #accessEnds} must follow); reports a race and aborts if it completes one. {@code knownCaller}
   * is the application line of the call when a hook knows it (an announced call, the origin of a
   * stream's task); otherwise the stack decides.
   */
  boolean accessBegins(ControlledThread me, Object instance, String operation,
      String method, Access.Kind kind, Object argument, boolean outermost,
      StackTraceElement knownCaller) {
    return begin(me, instance, operation, kind, argument, outermost, knownCaller,
        kind == Access.Kind.STRUCTURAL_WRITE && HashTables.writeGrowsTable(instance, method),
        false);
  }

  /**
   * An operation on a tracked JDK object ({@link JdkObjects}) begins, at {@code caller}, the
   * announced application call: as {@link #accessBegins}, but with no scheduling point while the
   * object has been used by one thread only. Most StringBuilders, Matchers and buffers never
   * leave the thread that made them, and a step per {@code append} would fill the schedule with
   * points where nothing can collide; the first access of a second thread is checked against
   * every earlier one all the same, and from then on each access is a point.
   */
  boolean objectAccessBegins(ControlledThread me, Object instance, String operation,
      Access.Kind kind, boolean outermost, StackTraceElement caller) {
    return begin(me, instance, operation, kind, RaceFinding.NO_ARGUMENT, outermost, caller, false,
        true);
  }

  private boolean begin(ControlledThread me, Object instance, String operation,
      Access.Kind kind, Object argument, boolean outermost, StackTraceElement knownCaller,
      boolean growsTable, boolean pointOnlyWhenShared) {
    TraceRecorder trace = execution.trace();
    StackTraceElement[] stack;
    if (trace.on()) {
      // The run behind a report: full stacks.
      stack = AccessStacks.capture();
      if (knownCaller == null) {
        if (!CollectionOperations.calledFromApplication(stack)) return false;
      } else if (dev.weft.internal.failure.StackFrames.firstApplicationFrame(stack) == null) {
        // A stream's step on a worker: the line that started it is its application caller.
        stack = java.util.Arrays.copyOf(stack, stack.length + 1);
        stack[stack.length - 1] = knownCaller;
      }
    } else {
      // Exploring: only the caller's line, which is all detection and shrinking compare.
      StackTraceElement caller = knownCaller != null ? knownCaller
          : CollectionOperations.applicationCaller();
      if (caller == null) return false;
      stack = new StackTraceElement[] {caller};
    }
    // A JDK object one thread has used so far is no step of its own (see objectAccessBegins):
    // its number is not even taken. From the first access of another thread on it is.
    boolean points = outermost
        && (!pointOnlyWhenShared || races.usedByAnotherThread(instance, me));
    int object = points ? execution.stepObjects().of(instance) : -1;
    StepKind step = kind.isWrite() ? StepKind.WRITE : StepKind.READ;
    // The check below reads and records the collection's accesses: a step on the collection, not
    // the tail of whatever step came before (which names another object).
    if (points) execution.schedulingPoint(me, object, step, false);
    CollectionAccess access = new CollectionAccess(me, clocks.now(me.id), operation, kind,
        argument, stack, execution.locks().heldBy(me), growsTable, me.taskOrigin);
    Race race = races.begin(access, instance);
    if (race != null) {
      trace.race(me, race, access);
      execution.fail(RaceFinding.of(race, createdAt.get(instance)));
      throw new ExecutionAborted();
    }
    trace.collectionAccess(me, instance, access);
    // Inside the operation: another thread may run now and collide with it.
    if (points) execution.schedulingPoint(me, object, step, false);
    return true;
  }

  /** Remembers where the application created a collection, for the race report. */
  void collectionCreated(Object instance, StackTraceElement announcedCaller) {
    if (createdAt.containsKey(instance)) return;
    StackTraceElement caller = announcedCaller != null ? announcedCaller
        : CollectionOperations.applicationCaller();
    if (caller != null) createdAt.put(instance, caller);
  }

  /** Remembers where the application created a tracked JDK object, for the race report. */
  void objectCreated(Object instance, StackTraceElement caller) {
    createdAt.putIfAbsent(instance, caller);
  }

  /** The first submission counts: an executor may hand a submitted task on to another. */
  void taskCreated(Object task, StackTraceElement origin) {
    if (origin != null) taskOrigins.putIfAbsent(task, origin);
  }

  StackTraceElement taskOrigin(Object task) {
    return task == null ? null : taskOrigins.get(task);
  }

  void accessEnds(ControlledThread me, Object instance) {
    races.end(me, instance);
  }
}
