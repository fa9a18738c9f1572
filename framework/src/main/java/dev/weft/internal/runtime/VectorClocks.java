package dev.weft.internal.runtime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;

/**
 * Happens-before of one execution, as vector clocks (Lamport; Mattern). Each thread has a clock;
 * each synchronization object (a monitor, a volatile field, a thread's unpark permit) carries the
 * clock of its last release, which an acquire joins into the acquiring thread's clock.
 *
 * <p>Operations the runtime sees only as "some java.util.concurrent call" or "some atomic"
 * release to and acquire from one shared clock. That over-approximates happens-before (it can
 * hide a race between unrelated atomics) but never invents a race: Weft must not report one in a
 * correctly synchronized program.
 */
final class VectorClocks {
  private int[][] clocks = new int[4][];
  private final IdentityHashMap<Object, int[]> objectClocks = new IdentityHashMap<>();
  private final HashMap<Integer, int[]> fieldClocks = new HashMap<>();
  /** Release clocks of the read locks of read-write locks, by the lock's key. */
  private final IdentityHashMap<Object, int[]> readerClocks = new IdentityHashMap<>();
  private final Object sharedClockKey = new Object();

  /** {@code child} (or T0, with parent -1) starts after everything its parent did so far. */
  void threadCreated(int parent, int child) {
    if (child >= clocks.length) clocks = Arrays.copyOf(clocks, Math.max(child + 1, clocks.length * 2));
    int[] c = parent >= 0 ? Arrays.copyOf(clocks[parent], Math.max(child + 1, clocks[parent].length))
        : new int[child + 1];
    c[child] = 1;
    clocks[child] = c;
    if (parent >= 0) tick(parent);
  }

  /** The epoch of {@code thread}'s next access: its own component. */
  int now(int thread) {
    return clocks[thread][thread];
  }

  /** Whether an access by {@code thread} at {@code epoch} happens before what {@code observer} does now. */
  boolean orderedBefore(int thread, int epoch, int observer) {
    int[] c = clocks[observer];
    return thread < c.length && c[thread] >= epoch;
  }

  void release(int thread, Object sync) {
    int[] target = objectClocks.get(sync);
    objectClocks.put(sync, join(target, clocks[thread]));
    tick(thread);
  }

  void acquire(int thread, Object sync) {
    int[] source = objectClocks.get(sync);
    if (source != null) clocks[thread] = join(clocks[thread], source);
  }

  /**
   * A read lock of {@code lock} released: its clock goes to the lock's readers' clock, which
   * the next writer acquires (see {@link #acquireExclusive}); other readers do not acquire it,
   * since readers do not exclude each other.
   */
  void releaseRead(int thread, Object lock) {
    readerClocks.put(lock, join(readerClocks.get(lock), clocks[thread]));
    tick(thread);
  }

  /** The write (exclusive) lock of {@code lock} taken: after its last writer and its readers. */
  void acquireExclusive(int thread, Object lock) {
    acquire(thread, lock);
    int[] readers = readerClocks.get(lock);
    if (readers != null) clocks[thread] = join(clocks[thread], readers);
  }

  void releaseField(int thread, int fieldId) {
    fieldClocks.put(fieldId, join(fieldClocks.get(fieldId), clocks[thread]));
    tick(thread);
  }

  void acquireField(int thread, int fieldId) {
    int[] source = fieldClocks.get(fieldId);
    if (source != null) clocks[thread] = join(clocks[thread], source);
  }

  void releaseShared(int thread) {
    release(thread, sharedClockKey);
  }

  void acquireShared(int thread) {
    acquire(thread, sharedClockKey);
  }

  /** {@code joiner} learned that {@code finished} terminated (join, isAlive false). */
  void joined(int joiner, int finished) {
    clocks[joiner] = join(clocks[joiner], clocks[finished]);
  }

  private void tick(int thread) {
    clocks[thread][thread]++;
  }

  /** Element-wise max into a fresh or reused array; {@code into} may be null. */
  private static int[] join(int[] into, int[] from) {
    if (into == null) return from.clone();
    if (into.length < from.length) into = Arrays.copyOf(into, from.length);
    for (int i = 0; i < from.length; i++) {
      if (from[i] > into[i]) into[i] = from[i];
    }
    return into;
  }
}
