package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SystematicStrategyTest {
  private static final int UNBOUNDED = SystematicStrategy.UNBOUNDED;

  /** Correct programs and their schedules up to reordering of independent steps, by hand. */
  static Stream<Arguments> correctProgramsAndTheirScheduleCounts() {
    return Stream.of(
        // Nothing is shared: one schedule, however long and however many threads.
        Arguments.of("4 independent threads of 2 steps", Programs.independent(4, 2), 1),
        // Only the order of the two writes matters.
        Arguments.of("two writers", Programs.twoWriters(3), 2),
        // r0 w0 r1 w1 interleaved: 6 orders, of which r0 r1 ... and r1 r0 ... are the same
        // (one of the 4 loses an update: the count does not depend on that).
        Arguments.of("two unprotected increments", Programs.lostUpdate(2, 0), 4),
        // The read always follows the join; the two writes come in either order.
        Arguments.of("write, then join", Programs.writeThenJoin(), 2),
        // Which critical section comes first: 2, and 3! for three threads.
        Arguments.of("2 threads, one locked increment each", Programs.lockedCounter(2, 1), 2),
        Arguments.of("3 threads, one locked increment each", Programs.lockedCounter(3, 1), 6),
        // Which thread chooses first, times 3 values for each choice.
        Arguments.of("2 threads, one 3-way choice each", Programs.choosing(2, 1), 2 * 3 * 3),
        // 4 choices on one variable in any order keeping each thread's: C(4,2) = 6, times 3^4.
        Arguments.of("2 threads, two 3-way choices each", Programs.choosing(2, 2), 6 * 81),
        // 3 reads and 2 writes of one variable, each thread in order: C(5,2) (one fails).
        Arguments.of("3 reads against 2 writes", Programs.observesEveryWrite(2), 10),
        // The spinner's read comes before the write, or after it: with the fairness rule, it
        // spins at most once before the setter's steps run.
        Arguments.of("spin wait", Programs.spinWait(3), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctProgramsAndTheirScheduleCounts")
  void exhaustsASmallProgramWithTheExactNumberOfSchedules(String name, Sim.Program program,
      int schedules) {
    SystematicStrategy strategy = new SystematicStrategy(UNBOUNDED);

    Search search = Search.run(program, strategy, 100_000);

    SearchProgress progress = strategy.progress();
    assertThat(progress.schedules()).isEqualTo(schedules);
    assertThat(progress.estimatedSchedules()).isEqualTo(schedules);
    assertThat(progress.ended()).isTrue();
    assertThat(progress.exhausted()).isTrue();
    assertThat(progress.complete()).isTrue();
    assertThat(progress.executions()).isEqualTo(search.executions());
    assertThat(strategy.hasNextExecution()).isFalse();
    assertThat(search.finalStates()).containsExactlyInAnyOrderElementsOf(
        BruteForce.explore(program, UNBOUNDED).fewestPreemptions.keySet());
  }

  @Test
  void independentThreadsTakeOneExecution() {
    SystematicStrategy strategy = new SystematicStrategy();

    Search.run(Programs.independent(6, 10), strategy, 100);

    assertThat(strategy.progress().executions()).isEqualTo(1);
    assertThat(strategy.progress().bound()).isZero();
  }

  /** Bugs and the fewest preemptions that show them, also checked by brute force. */
  static Stream<Arguments> bugsAndTheirFewestPreemptions() {
    return Stream.of(
        Arguments.of("lost update", Programs.lostUpdate(2, 2), 1),
        Arguments.of("lost update, 3 threads", Programs.lostUpdate(3, 1), 1),
        Arguments.of("lock-order deadlock", Programs.lockOrderDeadlock(), 1),
        Arguments.of("read between two writes", Programs.betweenWrites(2), 2),
        Arguments.of("every write observed", Programs.observesEveryWrite(2), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bugsAndTheirFewestPreemptions")
  void findsEachBugFirstWithItsFewestPreemptions(String name, Sim.Program program,
      int fewest) {
    assertThat(BruteForce.explore(program, UNBOUNDED).fewestToFail).isEqualTo(fewest);
    SystematicStrategy strategy = new SystematicStrategy(UNBOUNDED);

    Search search = Search.untilFailure(program, strategy, 100_000);

    int first = search.firstFailure();
    assertThat(first).isEqualTo(search.executions() - 1);
    assertThat(search.preemptions.get(first)).isEqualTo(fewest);
    assertThat(strategy.progress().bound()).isEqualTo(fewest);
    assertThat(strategy.progress().ended()).isFalse();
    // Every execution before it had fewer preemptions or as many: the passes go up one by one.
    assertThat(search.preemptions.subList(0, first)).allSatisfy(p -> assertThat(p)
        .isLessThanOrEqualTo(fewest));
  }

  @Test
  void theBoundIsABound() {
    Sim.Program needsThree = Programs.observesEveryWrite(2);

    SystematicStrategy two = new SystematicStrategy(2);
    Search withTwo = Search.run(needsThree, two, 100_000);

    assertThat(withTwo.firstFailure()).isEqualTo(-1);
    assertThat(withTwo.preemptions).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(2));
    SearchProgress progress = two.progress();
    assertThat(progress.exhausted()).isTrue();
    assertThat(progress.complete()).as("the bound cut schedules").isFalse();
    assertThat(progress.bound()).isEqualTo(2);
    assertThat(progress.maxBound()).isEqualTo(2);
    // 3 reads against 2 writes, all but the 10th order (r0 w1 r1 w2 r2) within 2 preemptions.
    assertThat(progress.schedules()).isEqualTo(9);

    SystematicStrategy three = new SystematicStrategy(3);
    Search withThree = Search.untilFailure(needsThree, three, 100_000);

    assertThat(withThree.firstFailure()).isGreaterThanOrEqualTo(0);
    assertThat(withThree.preemptions.get(withThree.firstFailure())).isEqualTo(3);
  }

  @Test
  void boundZeroRunsEachThreadToItsEnd() {
    SystematicStrategy strategy = new SystematicStrategy(0);

    Search search = Search.run(Programs.lostUpdate(3, 2), strategy, 100_000);

    assertThat(search.firstFailure()).isEqualTo(-1);
    assertThat(search.preemptions).containsOnly(0);
    // The three threads in any order, each running through.
    assertThat(strategy.progress().schedules()).isEqualTo(6);
    assertThat(strategy.progress().exhausted()).isTrue();
  }

  @Test
  void theSameProgramGivesTheSameSearch() {
    for (Sim.Program program : List.of(Programs.lockedCounter(3, 2), Programs.choosing(2, 2),
        Programs.betweenWrites(3))) {
      SystematicStrategy a = new SystematicStrategy();
      SystematicStrategy b = new SystematicStrategy();

      Search first = Search.run(program, a, 5_000);
      Search second = Search.run(program, b, 5_000);

      assertThat(second.schedules).isEqualTo(first.schedules);
      assertThat(b.progress()).isEqualTo(a.progress());
    }
  }

  @Test
  void everyValueOfAChoiceIsExplored() {
    SystematicStrategy strategy = new SystematicStrategy(0);

    Search search = Search.run(Programs.choosing(1, 3), strategy, 1_000);

    // One thread folding three 3-way choices into x: 27 different results.
    assertThat(search.finalStates()).hasSize(27);
    assertThat(strategy.progress().schedules()).isEqualTo(27);
  }

  @Test
  void aFreeDecisionExploresEveryThreadEvenOneWhoseNextStepIsLocal() {
    // Within no preemption at all, T1 must start first: it chooses x0, blocks on the join (a
    // free switch), T0 runs, then T2 updates x0 before T1 reads it. Dependence cannot tell that
    // T1's local first step matters; only the bound does.
    Sim.Program program = Sim.program(2)
        .thread(Sim.write(1, (s, t) -> s.set(1, 3)),
            Sim.read(1, (s, t) -> s.regs[t][0] = s.get(1)), Sim.local())
        .thread(Sim.local(), Sim.choose(0, 2, (s, t, c) -> s.set(0, s.get(0) * 5 + c + 1)),
            Sim.join(0), Sim.read(0, (s, t) -> s.regs[t][0] = s.get(0)))
        .thread(Sim.join(0), Sim.update(0, (s, t) -> s.set(0, s.get(0) * 2 + 3)))
        .build();

    Search search = Search.run(program, new SystematicStrategy(0), 10_000);

    assertThat(search.finalStates()).containsExactlyInAnyOrderElementsOf(
        BruteForce.explore(program, 0).fewestPreemptions.keySet());
  }

  @Test
  void withoutAViewEveryStepCountsAsDependent() {
    Sim.Program program = Programs.independent(2, 2);
    SystematicStrategy strategy = new SystematicStrategy(UNBOUNDED);

    Search.run(program, new WithoutView(strategy), 1_000);

    // All C(4,2) interleavings, since nothing says the steps are independent.
    assertThat(strategy.progress().schedules()).isEqualTo(6);
    assertThat(strategy.progress().complete()).isTrue();
  }

  @Test
  void aPrefixThatDivergesOnceIsTriedAgain() {
    AtomicInteger executions = new AtomicInteger();
    Sim.Program flaky = flakyProgram(() -> executions.get() == 3);
    Sim.Program steady = flakyProgram(() -> false);
    SystematicStrategy reference = new SystematicStrategy(UNBOUNDED);
    Search.run(steady, reference, 10_000);
    SystematicStrategy strategy = new SystematicStrategy(UNBOUNDED);

    Search search = Search.run(flaky, new Counting(strategy, executions), 10_000);

    SearchProgress progress = strategy.progress();
    assertThat(progress.divergences()).isZero();
    assertThat(progress.firstDivergence()).isEmpty();
    assertThat(progress.exhausted()).isTrue();
    assertThat(progress.schedules()).isEqualTo(reference.progress().schedules());
    assertThat(search.executions()).isEqualTo(reference.progress().executions() + 1);
  }

  @Test
  void aProgramThatKeepsDivergingEndsTheSearchAndSaysSo() {
    AtomicInteger executions = new AtomicInteger();
    // Four executions one way, four the other: every retry of a prefix fits no better.
    Sim.Program flaky = flakyProgram(() -> executions.get() / 4 % 2 == 0);
    SystematicStrategy strategy = new SystematicStrategy(UNBOUNDED);

    Search search = Search.run(flaky, new Counting(strategy, executions), 10_000);

    SearchProgress progress = strategy.progress();
    assertThat(progress.ended()).isTrue();
    assertThat(progress.divergences()).isPositive();
    // The blocked thread is enabled in one half of the executions and not in the other.
    Divergence first = progress.firstDivergence().orElseThrow();
    assertThat(first.kind()).isEqualTo(Divergence.Kind.THREADS);
    assertThat(first.recorded()).isNotEqualTo(first.replayed()).contains("enabled: ");
    assertThat(progress.exhausted()).isFalse();
    assertThat(progress.complete()).isFalse();
    assertThat(search.executions()).isLessThan(1_000);
  }

  @Test
  void aFailingScheduleReplaysAndShrinksUnchanged() {
    Sim.Program program = Programs.betweenWrites(4);
    Search search = Search.untilFailure(program, new SystematicStrategy(), 100_000);
    FailingRun failing = search.firstFailingRun;
    assertThat(failing).isNotNull();
    assertThat(failing.preemptions()).isEqualTo(2);

    FailingRun replayed = SimOracle.exactRun(program, o -> o.failed, failing.schedule().choices());
    ShrinkResult shrunk = new ScheduleShrinker().shrink(failing,
        new SimOracle(program, o -> o.failed));

    assertThat(replayed).isEqualTo(failing);
    assertThat(shrunk.preemptions()).isEqualTo(2);
    assertThat(SimOracle.exactRun(program, o -> o.failed, shrunk.schedule().choices()))
        .isEqualTo(shrunk.shrunk());
  }

  @Test
  void executionsAfterTheEndExploreNothing() {
    SystematicStrategy strategy = new SystematicStrategy();
    Sim.Program program = Programs.twoWriters(1);
    Search.run(program, strategy, 1_000);
    SearchProgress ended = strategy.progress();

    Sim.Outcome extra = program.run(strategy, 99, 1_000);

    assertThat(extra.failed || extra.deadlock).isFalse();
    assertThat(strategy.progress()).isEqualTo(ended);
  }

  @Test
  void theEstimateIsExactOnceTheSearchIsOverAndNearBefore() {
    SystematicStrategy strategy = new SystematicStrategy(2);
    RecordingStrategy recorder = new RecordingStrategy(strategy, 0);
    Sim.Program program = Programs.lostUpdate(3, 1);
    List<long[]> lastPass = new ArrayList<>();
    for (int i = 0; strategy.hasNextExecution(); i++) {
      program.run(recorder, i, 1_000);
      SearchProgress p = strategy.progress();
      if (p.bound() == 2) lastPass.add(new long[] {p.schedules(), p.estimatedSchedules()});
    }
    long total = strategy.progress().schedules();

    assertThat(strategy.progress().estimatedSchedules()).isEqualTo(total);
    // Past the first third of the last pass, the estimate is within a factor of 4 of the truth.
    for (long[] point : lastPass.subList(lastPass.size() / 3, lastPass.size())) {
      assertThat(point[1]).isBetween(total / 4, total * 4);
    }
  }

  @Test
  void rejectsABoundBelowMinusOne() {
    assertThatThrownBy(() -> new SystematicStrategy(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
  }

  /**
   * T0 and T2 write x; T1 waits (for a lock-like object 1) until x was written or {@code early}
   * says it may go at once, then writes x. Whether T1 is enabled at the start depends on {@code
   * early}: a program that is not deterministic given its schedule when it changes.
   */
  private static Sim.Program flakyProgram(java.util.function.BooleanSupplier early) {
    return Sim.program(2)
        .thread(Sim.local(), Sim.write(0, (s, t) -> s.set(0, 1)), Sim.local())
        .thread(Sim.blockUntil(1, s -> early.getAsBoolean() || s.vars[0] != 0,
            (s, t) -> s.set(1, 1)), Sim.write(0, (s, t) -> s.set(0, 2)))
        .thread(Sim.local(), Sim.write(0, (s, t) -> s.set(0, 3)))
        .build();
  }

  /** Passes everything on but the view: a runtime that knows nothing about steps. */
  private static final class WithoutView extends Delegating {
    WithoutView(SchedulingStrategy inner) {
      super(inner);
    }

    @Override
    public void useNextSteps(NextSteps nextSteps) {
      inner.useNextSteps(NextSteps.UNKNOWN);
    }
  }

  /** Counts executions as they start, for programs that behave by the count. */
  private static final class Counting extends Delegating {
    private final AtomicInteger executions;

    Counting(SchedulingStrategy inner, AtomicInteger executions) {
      super(inner);
      this.executions = executions;
    }

    @Override
    public void startExecution(int executionIndex) {
      executions.incrementAndGet();
      inner.startExecution(executionIndex);
    }
  }

  private abstract static class Delegating implements SchedulingStrategy {
    final SchedulingStrategy inner;

    Delegating(SchedulingStrategy inner) {
      this.inner = inner;
    }

    @Override
    public void startExecution(int executionIndex) {
      inner.startExecution(executionIndex);
    }

    @Override
    public void onThreadCreated(int threadId) {
      inner.onThreadCreated(threadId);
    }

    @Override
    public int pickThread(int[] enabled, int count, int current) {
      return inner.pickThread(enabled, count, current);
    }

    @Override
    public int pickInt(int bound) {
      return inner.pickInt(bound);
    }

    @Override
    public void onSpin(int threadId) {
      inner.onSpin(threadId);
    }

    @Override
    public void finishExecution(int steps) {
      inner.finishExecution(steps);
    }

    @Override
    public void useNextSteps(NextSteps nextSteps) {
      inner.useNextSteps(nextSteps);
    }

    @Override
    public boolean hasNextExecution() {
      return inner.hasNextExecution();
    }
  }
}
