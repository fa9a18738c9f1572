package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShrinkSessionTest {
  private static final Sim.Program PROGRAM = Programs.lostUpdate(2, 2);
  // T0 two steps, T1 one, T0 reads, T1 runs to its end: three preemptions, update lost.
  private static final FailingRun FAILING =
      SimOracle.exactRun(PROGRAM, o -> o.failed, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1);

  @Test
  void runsEachCandidateOnlyOnceAndNeverTheBestItself() {
    SimOracle oracle = new SimOracle(PROGRAM, o -> o.failed);
    ShrinkSession session = session(oracle, 100);

    assertThat(session.tryChoices(FAILING.schedule().choices())).isFalse();
    assertThat(session.tryChoices(new int[] {1, 1})).isFalse();
    assertThat(session.tryChoices(new int[] {1, 1})).isFalse();

    assertThat(oracle.calls).isEqualTo(1);
    assertThat(session.runs()).isEqualTo(1);
  }

  @Test
  void keepsTheRunAsExecutedWhenItIsSimpler() {
    SimOracle oracle = new SimOracle(PROGRAM, o -> o.failed);
    ShrinkSession session = session(oracle, 100);

    // T0 reads, then T1 runs to its end: one preemption; the recorded run goes on from there.
    boolean simpler = session.tryChoices(new int[] {0, 0, 0, 1});

    assertThat(simpler).isTrue();
    assertThat(session.best().preemptions()).isEqualTo(1);
    assertThat(session.best().schedule().choices())
        .containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    assertThat(session.best()).isEqualTo(SimOracle.exactRun(PROGRAM, o -> o.failed,
        0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
  }

  @Test
  void ignoresRunsThatDoNotFailOrAreNotSimpler() {
    ShrinkSession session = session(new SimOracle(PROGRAM, o -> o.failed), 100);

    assertThat(session.tryChoices(new int[0])).as("passes").isFalse();
    assertThat(session.best()).isSameAs(FAILING);

    ShrinkSession anything = session(new SimOracle(PROGRAM, o -> true), 100);
    // It fails too, but with a preemption at every step.
    assertThat(anything.tryChoices(new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1})).isFalse();
    assertThat(anything.best()).isSameAs(FAILING);
  }

  @Test
  void refusesRunsOnceTheRunLimitIsReached() {
    SimOracle oracle = new SimOracle(PROGRAM, o -> o.failed);
    ShrinkSession session = session(oracle, 2);

    session.tryChoices(new int[] {1});
    assertThat(session.exhausted()).isFalse();
    session.tryChoices(new int[] {1, 0});
    session.tryChoices(new int[] {0, 0, 0, 1});

    assertThat(oracle.calls).isEqualTo(2);
    assertThat(session.exhausted()).isTrue();
    assertThat(session.refusal()).isEqualTo(ShrinkResult.Stop.RUN_LIMIT);
    assertThat(session.best()).isSameAs(FAILING);
  }

  @Test
  void refusesRunsOnceTheTimeIsUp() {
    AtomicLong now = new AtomicLong(1_000);
    SimOracle oracle = new SimOracle(PROGRAM, o -> o.failed);
    ShrinkSession session = new ShrinkSession(FAILING, oracle, 100, 50, now::get);

    session.tryChoices(new int[] {1});
    now.addAndGet(49);
    session.tryChoices(new int[] {1, 0});
    now.addAndGet(1);
    session.tryChoices(new int[] {1, 1});

    assertThat(oracle.calls).isEqualTo(2);
    assertThat(session.refusal()).isEqualTo(ShrinkResult.Stop.TIME_LIMIT);
    assertThat(session.elapsedNanos()).isEqualTo(50);
  }

  @Test
  void passesTheSeedOnToCandidates() {
    Schedule[] seen = new Schedule[1];
    FailingRun seeded = new FailingRun(new Schedule(-99, new int[] {0, 1}), new int[] {-1, 0}, 4);
    ShrinkSession session = new ShrinkSession(seeded, c -> {
      seen[0] = c;
      return Optional.empty();
    }, 10, Long.MAX_VALUE, System::nanoTime);

    session.tryChoices(new int[] {1});

    assertThat(seen[0]).isEqualTo(new Schedule(-99, new int[] {1}));
  }

  private static ShrinkSession session(SimOracle oracle, int maxRuns) {
    return new ShrinkSession(FAILING, oracle, maxRuns, Long.MAX_VALUE, System::nanoTime);
  }
}
