package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.boot.ExecutionAborted;
import dev.weft.scheduler.StepKind;
import java.util.IdentityHashMap;

/**
 * The race detector's side of one execution: turns collection operations into accesses (with the
 * caller's line, the locks held and the task being run), feeds them to the {@link RaceDetector},
 * and on a race fails the execution with its {@link RaceFinding}. Remembers where collections were
 * created and where tasks were submitted, for the report. Exists only when race detection is on.
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
   * #accessEnds} must follow); reports a race and aborts if it completes one.
   */
  boolean accessBegins(ControlledThread me, Object instance, String operation,
      String method, Access.Kind kind, Object argument, boolean outermost,
      StackTraceElement announcedCaller) {
    TraceRecorder trace = execution.trace();
    StackTraceElement[] stack;
    if (trace.on()) {
      // The run behind a report: full stacks.
      stack = AccessStacks.capture();
      if (!CollectionOperations.calledFromApplication(stack)) return false;
    } else {
      // Exploring: only the caller's line, which is all detection and shrinking compare.
      StackTraceElement caller = announcedCaller != null ? announcedCaller
          : CollectionOperations.applicationCaller();
      if (caller == null) return false;
      stack = new StackTraceElement[] {caller};
    }
    int object = execution.stepObjects().of(instance);
    StepKind step = kind.isWrite() ? StepKind.WRITE : StepKind.READ;
    // The check below reads and records the collection's accesses: a step on the collection, not
    // the tail of whatever step came before (which names another object).
    if (outermost) execution.schedulingPoint(me, object, step, false);
    CollectionAccess access = new CollectionAccess(me, clocks.now(me.id), operation, kind,
        argument, stack, execution.locks().heldBy(me),
        kind == Access.Kind.STRUCTURAL_WRITE && HashTables.writeGrowsTable(instance, method),
        me.taskOrigin);
    Race race = races.begin(access, instance);
    if (race != null) {
      trace.race(me, race, access);
      execution.fail(RaceFinding.of(race, createdAt.get(instance)));
      throw new ExecutionAborted();
    }
    trace.collectionAccess(me, instance, access);
    // Inside the operation: another thread may run now and collide with it.
    if (outermost) execution.schedulingPoint(me, object, step, false);
    return true;
  }

  /** Remembers where the application created a collection, for the race report. */
  void collectionCreated(Object instance, StackTraceElement announcedCaller) {
    if (createdAt.containsKey(instance)) return;
    StackTraceElement caller = announcedCaller != null ? announcedCaller
        : CollectionOperations.applicationCaller();
    if (caller != null) createdAt.put(instance, caller);
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
