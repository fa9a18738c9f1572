package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sharded explorations are disjoint and together are exactly the unsharded one. */
class ShardTest {

  @Test
  void parsesAndPrintsShardsCountedFromOne() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(1, 4));
    assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
    assertThat(new Shard(3, 4)).hasToString("4/4");
    assertThat(Shard.ALL.isAll()).isTrue();
    assertThat(new Shard(1, 3).executionIndex(4)).isEqualTo(13);
  }

  @Test
  void rejectsWhatIsNotAShardWithOneClearMessage() {
    for (String bad : new String[] {"0/4", "5/4", "2", "a/b", "2/0", "", "1/2/3", null}) {
      assertThatThrownBy(() -> Shard.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("'" + bad + "' is not a shard: write i/n, the i-th of n parts counted"
              + " from 1 (for example 1/4 ... 4/4)");
    }
    assertThatThrownBy(() -> new Shard(2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Shard(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> samplers() {
    return Stream.of(
        Arguments.of("random walk",
            (Function<Shard, SchedulingStrategy>) shard -> new RandomWalkStrategy(7, shard)),
        Arguments.of("pos",
            (Function<Shard, SchedulingStrategy>) shard -> new PosStrategy(7, shard)),
        Arguments.of("pct", (Function<Shard, SchedulingStrategy>) shard ->
            PctStrategy.adaptive(7, 4, shard)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samplers")
  void samplerShardsRunDisjointExecutionsOfTheUnshardedRun(String name,
      Function<Shard, SchedulingStrategy> factory) {
    Sim.Program program = Programs.lockedCounter(3, 2);
    int count = 3;
    int perShard = 12;
    // What the unsharded run does at each exploration-wide index.
    List<String> unsharded = record(program, factory.apply(Shard.ALL), 1 + count * perShard);
    Map<Integer, String> union = new HashMap<>();
    for (int s = 0; s < count; s++) {
      Shard shard = new Shard(s, count);
      List<String> executions = record(program, factory.apply(shard), perShard);
      for (int k = 0; k < perShard; k++) {
        int index = indexOf(factory.apply(shard), shard, k);
        String before = union.put(index, executions.get(k));
        // Only PCT's measuring execution 0 is run by every shard, and it is the same in each.
        if (before != null) assertThat(index).isZero();
        assertThat(executions.get(k)).isEqualTo(unsharded.get(index));
      }
    }
    // Together: the unsharded run's first executions, none missing.
    assertThat(union.keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.range(0, union.size()).boxed().toList());
    assertThat(union.size()).isGreaterThanOrEqualTo(1 + count * (perShard - 1));
  }

  static Stream<Arguments> programsBoundsAndShardCounts() {
    List<Arguments> cases = new ArrayList<>();
    Object[][] programs = {
        {"lost update, 3 threads", Programs.lostUpdate(3, 1)},
        {"locked counter", Programs.lockedCounter(2, 2)},
        {"choices", Programs.choosing(2, 1)},
        {"read between writes", Programs.betweenWrites(2)},
        {"write, then join", Programs.writeThenJoin()},
        {"every write observed", Programs.observesEveryWrite(2)},
        {"independent", Programs.independent(3, 2)}};
    for (Object[] p : programs) {
      for (int bound : new int[] {1, SystematicStrategy.UNBOUNDED}) {
        for (int count : new int[] {2, 3, 5, 8}) {
          cases.add(Arguments.of(p[0], p[1], bound, count));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, bound {2}, {3} shards")
  @MethodSource("programsBoundsAndShardCounts")
  void systematicShardsExploreDisjointSchedulesThatTogetherAreTheUnshardedSearch(String name,
      Sim.Program program, int bound, int count) {
    Explored whole = explore(program, new SystematicStrategy(bound));
    Set<String> seen = new HashSet<>();
    Set<Long> orders = new HashSet<>();
    Set<String> states = new HashSet<>();
    int fewestToFail = Integer.MAX_VALUE;
    for (int s = 0; s < count; s++) {
      SystematicStrategy shard = new SystematicStrategy(bound, new Shard(s, count));
      Explored part = explore(program, shard);
      assertThat(shard.progress().exhausted()).isTrue();
      for (String schedule : part.schedules) {
        assertThat(seen.add(schedule)).as("%s explored by two shards", schedule).isTrue();
      }
      orders.addAll(part.orders);
      states.addAll(part.states);
      fewestToFail = Math.min(fewestToFail, part.fewestToFail);
    }

    assertThat(orders).isEqualTo(whole.orders);
    assertThat(states).isEqualTo(whole.states);
    assertThat(fewestToFail).isEqualTo(whole.fewestToFail);
  }

  /** The owned executions of a search run to its end. */
  private static Explored explore(Sim.Program program, SystematicStrategy strategy) {
    Explored explored = new Explored();
    RecordingStrategy recorder = new RecordingStrategy(strategy, 0);
    for (int i = 0; i == 0 || strategy.hasNextExecution(); i++) {
      Sim.Outcome outcome = program.run(recorder, i, 10_000);
      if (!strategy.lastExecutionOwned()) continue;
      explored.schedules.add(recorder.recordedSchedule().toString());
      explored.orders.add(outcome.partialOrder);
      explored.states.add(outcome.finalState());
      if (outcome.failed || outcome.deadlock) {
        explored.fewestToFail = Math.min(explored.fewestToFail, recorder.recordedPreemptions());
      }
    }
    return explored;
  }

  private static final class Explored {
    /** Distinct schedules: a pass with a higher bound explores those of the lower ones again. */
    final Set<String> schedules = new HashSet<>();
    final Set<Long> orders = new HashSet<>();
    final Set<String> states = new HashSet<>();
    int fewestToFail = Integer.MAX_VALUE;
  }

  private static List<String> record(Sim.Program program, SchedulingStrategy strategy, int n) {
    RecordingStrategy recorder = new RecordingStrategy(strategy, 0);
    List<String> executions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sim.Outcome outcome = program.run(recorder, i, 10_000);
      executions.add(recorder.recordedSchedule() + " " + outcome.finalState());
    }
    return executions;
  }

  private static int indexOf(SchedulingStrategy strategy, Shard shard, int local) {
    return strategy instanceof PctStrategy pct ? pct.executionIndex(local)
        : shard.executionIndex(local);
  }
}
