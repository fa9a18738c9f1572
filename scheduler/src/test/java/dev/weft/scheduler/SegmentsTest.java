package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentsTest {
  private static final int INT = RecordingStrategy.NOT_A_THREAD_DECISION;

  // choices:  2(int) | 1  1  2(int) 1 | 0  0  1(int) | 1
  private final Segments seg = new Segments(new FailingRun(
      new Schedule(0, new int[] {2, 1, 1, 2, 1, 0, 0, 1, 1}),
      new int[] {INT, -1, 1, INT, 1, 1, 0, INT, 0}, 12));

  @Test
  void cutsWhereAnotherThreadIsPickedAndKeepsIntChoicesWithTheirStep() {
    assertThat(seg.count()).isEqualTo(4);
    assertThat(new int[] {seg.thread(0), seg.thread(1), seg.thread(2), seg.thread(3)})
        .containsExactly(-1, 1, 0, 1);
    assertThat(new int[] {seg.start(0), seg.start(1), seg.start(2), seg.start(3), seg.end(3)})
        .containsExactly(0, 1, 5, 8, 9);
    assertThat(seg.steps(0)).isZero();
    assertThat(seg.steps(1)).isEqualTo(3);
    assertThat(seg.steps(2)).isEqualTo(2);
  }

  @Test
  void findsStepsWithinASegment() {
    assertThat(seg.stepStart(1, 0)).isEqualTo(1);
    assertThat(seg.stepStart(1, 1)).isEqualTo(2);
    assertThat(seg.stepStart(1, 2)).as("after the int choice").isEqualTo(4);
    assertThat(seg.stepStart(1, 3)).as("the end").isEqualTo(5);
    assertThat(seg.stepStart(2, 1)).isEqualTo(6);
  }

  @Test
  void findsSegmentsOfTheSameThread() {
    assertThat(seg.nextOfThread(1)).isEqualTo(3);
    assertThat(seg.nextOfThread(2)).isEqualTo(-1);
    assertThat(seg.previousOfThread(1, 3)).isEqualTo(1);
    assertThat(seg.previousOfThread(0, 2)).isEqualTo(-1);
    assertThat(seg.segmentStartingAt(5)).isEqualTo(2);
    assertThat(seg.segmentStartingAt(6)).isEqualTo(-1);
  }

  @Test
  void movesAndInsertsChoices() {
    assertThat(seg.moved(5, 7, 1)).containsExactly(2, 0, 0, 1, 1, 2, 1, 1, 1);
    assertThat(seg.moved(1, 3, 8)).containsExactly(2, 2, 1, 0, 0, 1, 1, 1, 1);
    assertThat(seg.moved(7, 9, 9)).containsExactly(2, 1, 1, 2, 1, 0, 0, 1, 1);
    assertThat(seg.inserted(5, 1, 2)).containsExactly(2, 1, 1, 2, 1, 1, 1, 0, 0, 1, 1);
    assertThat(seg.inserted(9, 0, 1)).endsWith(1, 0);
  }

  @Test
  void copiesSegmentsAndRanges() {
    ChoiceBuilder out = new ChoiceBuilder(0);
    seg.copySegment(2, out);
    seg.copy(0, 2, out);
    out.repeat(7, 20);

    assertThat(out.build()).startsWith(0, 0, 1, 2, 1, 7).hasSize(25);
  }

  @Test
  void anEmptyRunHasNoSegments() {
    Segments empty = new Segments(new FailingRun(new Schedule(0, new int[0]), new int[0], 1));

    assertThat(empty.count()).isZero();
    assertThat(empty.length()).isZero();
  }
}
