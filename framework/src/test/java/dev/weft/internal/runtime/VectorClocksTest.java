package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorClocksTest {

  /** T0 and two children started by it. */
  private static VectorClocks threeThreads() {
    VectorClocks clocks = new VectorClocks();
    clocks.threadCreated(-1, 0);
    clocks.threadCreated(0, 1);
    clocks.threadCreated(0, 2);
    return clocks;
  }

  @Test
  void whatAParentDidBeforeStartIsOrderedBeforeTheChildButNotWhatItDoesAfter() {
    VectorClocks clocks = new VectorClocks();
    clocks.threadCreated(-1, 0);
    int beforeStart = clocks.now(0);
    clocks.threadCreated(0, 1);
    int afterStart = clocks.now(0);
    assertThat(clocks.orderedBefore(0, beforeStart, 1)).isTrue();
    assertThat(afterStart).isGreaterThan(beforeStart);
    assertThat(clocks.orderedBefore(0, afterStart, 1)).isFalse();
  }

  @Test
  void siblingsAreUnorderedUntilAMonitorPassesBetweenThem() {
    VectorClocks clocks = threeThreads();
    Object monitor = new Object();
    int t1Access = clocks.now(1);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isFalse();
    clocks.release(1, monitor);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isFalse();
    clocks.acquire(2, monitor);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isTrue();
    // What T1 does after its release is not ordered before T2's acquire.
    assertThat(clocks.orderedBefore(1, clocks.now(1), 2)).isFalse();
    // Nor is the order symmetric.
    assertThat(clocks.orderedBefore(2, clocks.now(2), 1)).isFalse();
  }

  @Test
  void aMonitorAcquiredBeforeAnyReleaseOrdersNothing() {
    VectorClocks clocks = threeThreads();
    Object monitor = new Object();
    int t1Access = clocks.now(1);
    clocks.acquire(2, monitor);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isFalse();
    clocks.release(2, new Object());
    clocks.acquire(1, monitor);
    assertThat(clocks.orderedBefore(2, 1, 1)).isFalse();
  }

  @Test
  void aVolatileWriteOrdersOnlyReadsOfTheSameField() {
    VectorClocks clocks = threeThreads();
    int t1Access = clocks.now(1);
    clocks.releaseField(1, 7);
    clocks.acquireField(2, 8);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isFalse();
    clocks.acquireField(2, 7);
    assertThat(clocks.orderedBefore(1, t1Access, 2)).isTrue();
  }

  @Test
  void joinOrdersEverythingTheFinishedThreadDid() {
    VectorClocks clocks = threeThreads();
    Object monitor = new Object();
    clocks.release(1, monitor); // T1 moves on
    int t1Last = clocks.now(1);
    assertThat(clocks.orderedBefore(1, t1Last, 0)).isFalse();
    clocks.joined(0, 1);
    assertThat(clocks.orderedBefore(1, t1Last, 0)).isTrue();
    // Ordering is transitive: T0 hands over to T2 what it learned from T1.
    clocks.release(0, monitor);
    clocks.acquire(2, monitor);
    assertThat(clocks.orderedBefore(1, t1Last, 2)).isTrue();
  }

  @Test
  void readersOfAReadWriteLockDoNotOrderEachOtherButTheNextWriterFollowsThemAll() {
    VectorClocks clocks = threeThreads();
    Object lock = new Object();
    int t1Read = clocks.now(1);
    clocks.releaseRead(1, lock);
    clocks.acquire(2, lock); // another reader
    assertThat(clocks.orderedBefore(1, t1Read, 2)).isFalse();
    clocks.acquireExclusive(0, lock);
    assertThat(clocks.orderedBefore(1, t1Read, 0)).isTrue();
  }
}
