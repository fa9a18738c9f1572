package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FastTrack checks of the field race detector, against hand-built happens-before. */
class TrackedLocationsTest {
  private final VectorClocks clocks = new VectorClocks();
  private final TrackedLocations locations = new TrackedLocations();
  private final Object holder = new Object();
  private static final int FIELD = 3;
  private static final int SITE_A = 10;
  private static final int SITE_B = 11;

  TrackedLocationsTest() {
    clocks.threadCreated(-1, 0);
    clocks.threadCreated(0, 1);
    clocks.threadCreated(0, 2);
  }

  /** Checks an access and records it, as the detector does; returns whether it conflicted. */
  private boolean access(int thread, boolean write, int site) {
    int slot = locations.slot(holder, FIELD);
    boolean conflict = locations.conflicts(slot, thread, write, clocks);
    if (write) {
      locations.recordWrite(slot, thread, clocks.now(thread), site, null);
    } else {
      locations.recordRead(slot, thread, clocks.now(thread), site, null, clocks);
    }
    return conflict;
  }

  private void handOver(int from, int to) {
    Object monitor = new Object();
    clocks.release(from, monitor);
    clocks.acquire(to, monitor);
  }

  @Test
  void twoUnorderedWritesConflictAndTheEarlierOneIsNamed() {
    assertThat(access(1, true, SITE_A)).isFalse();
    assertThat(access(2, true, SITE_B)).isTrue();
    assertThat(locations.conflictThread()).isEqualTo(1);
    assertThat(locations.conflictWasWrite()).isTrue();
    assertThat(locations.conflictSite()).isEqualTo(SITE_A);
  }

  @Test
  void aReadAfterAnUnorderedWriteConflicts() {
    access(1, true, SITE_A);
    assertThat(access(2, false, SITE_B)).isTrue();
  }

  @Test
  void aWriteAfterAnUnorderedReadConflictsWithTheRead() {
    access(1, false, SITE_A);
    assertThat(access(2, true, SITE_B)).isTrue();
    assertThat(locations.conflictThread()).isEqualTo(1);
    assertThat(locations.conflictWasWrite()).isFalse();
  }

  @Test
  void readsNeverConflictWithReads() {
    assertThat(access(1, false, SITE_A)).isFalse();
    assertThat(access(2, false, SITE_B)).isFalse();
    assertThat(access(0, false, SITE_B)).isFalse();
  }

  @Test
  void accessesOrderedByAHandOverDoNotConflict() {
    access(1, true, SITE_A);
    handOver(1, 2);
    assertThat(access(2, false, SITE_B)).isFalse();
    assertThat(access(2, true, SITE_B)).isFalse();
    handOver(2, 1);
    assertThat(access(1, true, SITE_A)).isFalse();
  }

  @Test
  void aThreadNeverConflictsWithItself() {
    for (int i = 0; i < 5; i++) {
      assertThat(access(1, i % 2 == 0, SITE_A)).isFalse();
    }
    assertThat(locations.onlyAccessedBy(locations.slot(holder, FIELD), 1)).isTrue();
  }

  @Test
  void aWriteIsCheckedAgainstEveryUnorderedReaderOfAReadSharedLocation() {
    access(0, true, SITE_A);
    clocks.joined(1, 0);
    clocks.joined(2, 0);
    assertThat(access(1, false, SITE_A)).isFalse();
    assertThat(access(2, false, SITE_B)).isFalse();
    // T0 learns of T1's read, not of T2's: the write races with T2's read.
    clocks.joined(0, 1);
    assertThat(access(0, true, SITE_A)).isTrue();
    assertThat(locations.conflictThread()).isEqualTo(2);
    assertThat(locations.conflictSite()).isEqualTo(SITE_B);
  }

  @Test
  void aWriteAfterReadsItKnowsOfDoesNotConflict() {
    access(1, false, SITE_A);
    access(2, false, SITE_B);
    clocks.joined(0, 1);
    clocks.joined(0, 2);
    assertThat(access(0, true, SITE_A)).isFalse();
  }

  @Test
  void anAccessInTheEpochOfTheThreadsOwnWriteIsCoveredUntilItsClockMoves() {
    int slot = locations.slot(holder, FIELD);
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), false)).isFalse();
    access(1, true, SITE_A);
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), false)).isTrue();
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), true)).isTrue();
    assertThat(locations.coveredInEpoch(slot, 2, clocks.now(2), false)).isFalse();
    clocks.release(1, new Object());
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), false)).isFalse();
  }

  @Test
  void aReadCoversLaterReadsOfTheSameEpochButNotAWrite() {
    int slot = locations.slot(holder, FIELD);
    access(1, false, SITE_A);
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), false)).isTrue();
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), true)).isFalse();
    locations.markRacy(slot);
    assertThat(locations.coveredInEpoch(slot, 1, clocks.now(1), false)).isFalse();
  }

  @Test
  void aReadModifyWriteAtOneLineAndACheckThenActAreTold() {
    int slot = locations.slot(holder, FIELD);
    locations.recordRead(slot, 1, clocks.now(1), SITE_A, null, clocks);
    assertThat(locations.writeFollowingOwnRead(slot, 1, SITE_A))
        .isEqualTo(TrackedLocations.READ_MODIFY_WRITE);
    assertThat(locations.writeFollowingOwnRead(slot, 1, SITE_B))
        .isEqualTo(TrackedLocations.WRITE_AFTER_CHECK);
    assertThat(locations.writeFollowingOwnRead(slot, 2, SITE_A)).isZero();
  }

  @Test
  void fieldsOfOneObjectElementsAndObjectsAreSeparateLocations() {
    Object other = new Object();
    int field = locations.slot(holder, FIELD);
    assertThat(locations.slot(holder, FIELD + 1)).isNotEqualTo(field);
    assertThat(locations.slot(other, FIELD)).isNotEqualTo(field);
    assertThat(locations.slot(holder, -1 - FIELD)).isNotEqualTo(field);
    assertThat(locations.slot(holder, FIELD)).isEqualTo(field);
  }

  @Test
  void locationsKeepTheirStateWhenTheTablesGrow() {
    List<Object> holders = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Object h = new Object();
      holders.add(h);
      int slot = locations.slot(h, FIELD);
      locations.recordWrite(slot, 1, clocks.now(1), SITE_A, null);
    }
    assertThat(locations.size()).isEqualTo(500);
    for (Object h : holders) {
      int slot = locations.slot(h, FIELD);
      assertThat(locations.conflicts(slot, 2, false, clocks)).isTrue();
      assertThat(locations.conflictSite()).isEqualTo(SITE_A);
    }
    assertThat(locations.size()).isEqualTo(500);
  }
}
