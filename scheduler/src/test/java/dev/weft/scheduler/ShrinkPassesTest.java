package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each shrinking method on its own, on a run made for it. */
class ShrinkPassesTest {
  private static final Sim.Program LOST_UPDATE = Programs.lostUpdate(2, 2);
  private static final Predicate<Sim.Outcome> FAILS = o -> o.failed;
  // T0 two steps, T1 one, T0 reads, T1 runs to its end: three preemptions where one is needed.
  private static final int[] LOST_UPDATE_BOUNCING = {0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1};

  private static final Sim.Program BETWEEN_WRITES = Programs.betweenWrites(4);
  // The reader makes one step too early: three preemptions where two are needed.
  private static final int[] BETWEEN_WRITES_EARLY_READER =
      {1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  static Stream<Arguments> passesThatRemoveNeedlessPreemptions() {
    return Stream.of(
        Arguments.of("postpone", new SegmentPostponePass(), LOST_UPDATE, LOST_UPDATE_BOUNCING, 1),
        Arguments.of("advance", new SegmentAdvancePass(), LOST_UPDATE, LOST_UPDATE_BOUNCING, 1),
        Arguments.of("remove", new PreemptionRemovalPass(), LOST_UPDATE, LOST_UPDATE_BOUNCING,
            1),
        Arguments.of("shift", new PreemptionShiftPass(), LOST_UPDATE, LOST_UPDATE_BOUNCING, 1),
        Arguments.of("postpone", new SegmentPostponePass(), BETWEEN_WRITES,
            BETWEEN_WRITES_EARLY_READER, 2),
        Arguments.of("shift", new PreemptionShiftPass(), BETWEEN_WRITES,
            BETWEEN_WRITES_EARLY_READER, 2));
  }

  @ParameterizedTest(name = "{0} down to {4}")
  @MethodSource("passesThatRemoveNeedlessPreemptions")
  void removesNeedlessPreemptions(String name, ShrinkPass pass, Sim.Program program,
      int[] choices, int needed) {
    FailingRun failing = SimOracle.exactRun(program, FAILS, choices);
    assertThat(failing.preemptions()).isGreaterThan(needed);
    ShrinkSession session = session(failing, new SimOracle(program, FAILS));

    pass.apply(session);

    assertThat(session.best().preemptions()).isEqualTo(needed);
  }

  @Test
  void truncationBinarySearchesForTheShortestFailingPrefix() {
    Sim.Program program = Programs.lostUpdate(2, 30);
    RecordingStrategy recorder = new RecordingStrategy(new RandomWalkStrategy(1), 1);
    int execution = 0;
    while (!program.run(recorder, execution++, 1_000).failed) {
      // next execution
    }
    FailingRun failing = FailingRun.recordedBy(recorder);
    SimOracle oracle = new SimOracle(program, FAILS);
    ShrinkSession session = session(failing, oracle);

    new TruncationPass().apply(session);

    int kept = session.best().preemptions();
    assertThat(kept).isLessThan(failing.preemptions() / 2);
    int cut = failing.preemptionIndices()[kept];
    assertThat(Arrays.copyOf(session.best().schedule().choices(), cut))
        .isEqualTo(Arrays.copyOf(failing.schedule().choices(), cut));
    int log2 = 32 - Integer.numberOfLeadingZeros(failing.preemptions());
    assertThat(oracle.calls).isLessThanOrEqualTo(log2);
    // one preemption fewer does not fail: the search really found the boundary
    if (kept > 0) {
      int[] shorter = Arrays.copyOf(failing.schedule().choices(),
          failing.preemptionIndices()[kept - 1]);
      assertThat(oracle.rerun(failing.schedule().withChoices(shorter))).isEmpty();
    }
  }

  @Test
  void deletionDropsUselessSpins() {
    Sim.Program program = Programs.spinWait(3);
    // T0 checks the flag three times before T1 gets to run
    FailingRun failing = SimOracle.exactRun(program, o -> true, 0, 0, 0, 1, 1, 1, 1);
    assertThat(failing.steps()).isEqualTo(9);
    ShrinkSession session = session(failing, new SimOracle(program, o -> true));

    new SegmentDeletionPass().apply(session);

    assertThat(session.best().steps()).isEqualTo(6);
  }

  @Test
  void zeroingSetsTheChoicesTheFailureDoesNotNeedToTheirFirstOption() {
    // One thread, three 3-way choices; it fails whenever some choice is not 0.
    Sim.Program program = Programs.choosing(1, 3);
    Predicate<Sim.Outcome> anyChoiceMade = o -> o.state.vars[0] != 0;
    FailingRun failing = SimOracle.exactRun(program, anyChoiceMade, 2, 1, 2);
    ShrinkSession session = session(failing, new SimOracle(program, anyChoiceMade));

    new ChoiceZeroingPass().apply(session);

    // same steps and preemptions: only the lower choices make the run simpler
    int[] choices = session.best().schedule().choices();
    assertThat(choices).hasSize(3);
    assertThat(Arrays.stream(choices).filter(c -> c != 0).count()).isEqualTo(1);
  }

  @Test
  void chunkReductionEndsWhenNoSingleUnitCanGo() {
    FailingRun failing = SimOracle.exactRun(LOST_UPDATE, FAILS, LOST_UPDATE_BOUNCING);
    SimOracle nothingElseFails = new SimOracle(LOST_UPDATE,
        o -> Arrays.equals(o.trace, LOST_UPDATE.run(
            new ReplayStrategy(failing.schedule(), false)).trace));
    ShrinkSession session = session(failing, nothingElseFails);

    new SegmentDeletionPass().apply(session);

    int segments = new Segments(failing).count();
    assertThat(session.best()).isSameAs(failing);
    // chunks of 1/2, 1/4 ... of the segments, each tried once, down to single segments
    assertThat(nothingElseFails.calls).isBetween(segments, 2 * segments);
  }

  private static ShrinkSession session(FailingRun failing, SimOracle oracle) {
    return new ShrinkSession(failing, oracle, 400, Long.MAX_VALUE, System::nanoTime);
  }
}
