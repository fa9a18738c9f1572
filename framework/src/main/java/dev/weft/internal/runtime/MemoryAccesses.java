package dev.weft.internal.runtime;

import dev.weft.scheduler.StepKind;

/**
 * Volatile fields, atomics and java.util.concurrent calls: scheduling points, and the
 * happens-before edges they make. A volatile field is one synchronization object for all its
 * instances (keyed by field id). Atomics, VarHandles and java.util.concurrent calls, whose objects
 * the runtime does not see, release to and acquire from one shared clock, and their steps
 * synchronize on one shared library object: an over-approximation that never invents a race.
 */
final class MemoryAccesses {
  private final Execution execution;
  private final VectorClocks clocks;
  private final TraceRecorder trace;

  MemoryAccesses(Execution execution) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.trace = execution.trace();
  }

  /**
   * A read or write of volatile {@code fieldId} at {@code site}: a scheduling point, then the
   * edge. Reading the same field again and again at one place is a spin.
   */
  void volatileAccess(ControlledThread me, int fieldId, boolean write, int site) {
    boolean spinning = !write && me.spinningAt(site);
    execution.schedulingPoint(me, execution.stepObjects().ofField(fieldId),
        write ? StepKind.WRITE : StepKind.READ, spinning);
    trace.volatileAccess(me, fieldId, write, site);
    if (write) {
      clocks.releaseField(me.id, fieldId);
    } else {
      clocks.acquireField(me.id, fieldId);
    }
  }

  /** An atomic, VarHandle or java.util.concurrent call at {@code site}, about to be made. */
  void libraryCall(ControlledThread me, int site) {
    librarySchedulingPoint(me, me.spinningAt(site));
    trace.libraryCall(me, site);
    sharedSynchronization(me, true);
  }

  /** A scheduling point before a step into java.util.concurrent or an atomic. */
  void librarySchedulingPoint(ControlledThread me, boolean spinning) {
    execution.schedulingPoint(me, StepObjects.LIBRARY, StepKind.SYNC, spinning);
  }

  /**
   * A synchronization whose object the runtime does not see: releases to ({@code release}) and
   * acquires from the shared clock.
   */
  void sharedSynchronization(ControlledThread me, boolean release) {
    if (release) clocks.releaseShared(me.id);
    clocks.acquireShared(me.id);
  }
}
