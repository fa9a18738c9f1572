package dev.weft.internal.runtime;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * Finds data races on non-thread-safe collections within one execution, two ways:
 * <ul>
 *   <li>in flight, like Go's runtime map check: an access that starts while another thread is
 *       still inside a conflicting operation on the same instance (the runtime puts a scheduling
 *       point inside every operation so that such overlaps are explored);
 *   <li>by happens-before, like Go's {@code -race}: a conflicting access from another thread that
 *       is not ordered before this one, even if the two never overlapped in this schedule.
 * </ul>
 */
final class RaceDetector {
  private final VectorClocks clocks;
  private final IdentityHashMap<Object, TrackedCollection> tracked = new IdentityHashMap<>();

  RaceDetector(VectorClocks clocks) {
    this.clocks = clocks;
  }

  /** Records the start of an access; returns the race it completes, or null. */
  Race begin(CollectionAccess access, Object instance) {
    TrackedCollection c = tracked.get(instance);
    if (c == null) {
      c = new TrackedCollection(instance);
      tracked.put(instance, c);
    }
    ControlledThread me = access.thread();
    c.usedBy(me);
    for (CollectionAccess other : c.inFlight) {
      if (other.thread() != me && (access.write() || other.write())) {
        return new Race(instance, other, access, true);
      }
    }
    CollectionAccess lastWrite = c.lastWrite;
    if (lastWrite != null && unordered(lastWrite, me)) {
      return new Race(instance, lastWrite, access, false);
    }
    if (access.write()) {
      List<CollectionAccess> reads = c.readsSinceWrite;
      for (int i = 0; i < reads.size(); i++) {
        if (unordered(reads.get(i), me)) return new Race(instance, reads.get(i), access, false);
      }
      c.recordWrite(access);
    } else {
      c.recordRead(access);
    }
    c.inFlight.add(access);
    return null;
  }

  /** Whether a thread other than {@code me} has accessed {@code instance} so far. */
  boolean usedByAnotherThread(Object instance, ControlledThread me) {
    TrackedCollection c = tracked.get(instance);
    return c != null && c.usedByAnotherThan(me);
  }

  /** The access of {@code thread} to {@code instance} that began last is over. */
  void end(ControlledThread thread, Object instance) {
    TrackedCollection c = tracked.get(instance);
    if (c == null) return;
    List<CollectionAccess> inFlight = c.inFlight;
    for (int i = inFlight.size() - 1; i >= 0; i--) {
      if (inFlight.get(i).thread() == thread) {
        inFlight.remove(i);
        return;
      }
    }
  }

  private boolean unordered(CollectionAccess earlier, ControlledThread me) {
    return earlier.thread() != me && !clocks.orderedBefore(earlier.thread().id, earlier.epoch(), me.id);
  }
}
