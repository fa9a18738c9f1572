package dev.weft.systematic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Body;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code weft.shard} through the public API: the parts {@code 1/n .. n/n} of an exploration
 * together explore exactly what the unsharded exploration explores. The
 * program logs the order of its monitor sections, which tells its schedules apart: every step
 * that matters is on the one monitor.
 */
class ShardedExplorationTest {

  private static final Pattern ALL_SCHEDULES = Pattern.compile("explored all ([0-9,]+) schedules?");

  /** The orders of monitor sections, one per execution, in the order the executions ran. */
  private static final List<String> LOGS = new ArrayList<>();

  private static void threeThreadsTakeOneMonitor() throws InterruptedException {
    Object lock = new Object();
    StringBuilder order = new StringBuilder();
    Runnable twice = () -> {
      for (int i = 0; i < 2; i++) {
        synchronized (lock) {
          order.append(Thread.currentThread().getName());
        }
      }
    };
    Thread a = new Thread(twice, "a");
    Thread b = new Thread(twice, "b");
    a.start();
    b.start();
    synchronized (lock) {
      order.append('0');
    }
    a.join();
    b.join();
    LOGS.add(order.toString());
  }

  private static Result explore(Options options, Body body) {
    LOGS.clear();
    return Weft.explore(options.iterations(100_000), body);
  }

  /** The number in "explored all N schedules", which only a search that ran to its end says. */
  private static int schedulesOf(Result result) {
    String coverage = result.coverage().orElseThrow();
    Matcher m = ALL_SCHEDULES.matcher(coverage);
    assertThat(m.find()).as(coverage).isTrue();
    return Integer.parseInt(m.group(1).replace(",", ""));
  }

  /**
   * What the parts of a systematic search share is its tree of decisions, split at the first
   * decisions that branch: every schedule lies in exactly one part (the scheduler's ShardTest
   * checks that on the decisions), and every order of the program is reached by some part. The
   * parts' counts do not add up to the whole's: the first decisions that branch are often between
   * independent steps, so two parts can reach schedules that differ only in their order.
   */
  @Test
  void systematicShardsTogetherExploreExactlyTheUnshardedSearch() {
    for (int bound : new int[] {-1, 1}) {
      Options base = Options.defaults().strategy(Strategy.SYSTEMATIC).preemptionBound(bound);
      Result whole = explore(base, ShardedExplorationTest::threeThreadsTakeOneMonitor);
      assertThat(whole.failed()).isFalse();
      assertThat(whole.exhausted()).isTrue();
      Set<String> unsharded = new HashSet<>(LOGS);
      assertThat(schedulesOf(whole)).isGreaterThanOrEqualTo(unsharded.size());
      assertThat(unsharded).as("the program has orders to tell apart").hasSizeGreaterThan(5);

      for (int count : new int[] {2, 3, 5}) {
        Set<String> union = new HashSet<>();
        for (int i = 1; i <= count; i++) {
          Result part = explore(base.shard(i, count),
              ShardedExplorationTest::threeThreadsTakeOneMonitor);
          assertThat(part.failed()).isFalse();
          assertThat(part.exhausted()).as("shard %d/%d", i, count).isTrue();
          assertThat(part.report()).contains("shard " + i + "/" + count);
          schedulesOf(part);
          union.addAll(LOGS);
        }
        assertThat(union).as("bound %d, %d shards", bound, count).isEqualTo(unsharded);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS"})
  void samplerShardsRunDisjointExecutionsWhoseUnionIsTheUnshardedRun(Strategy strategy) {
    int count = 3;
    int perShard = 8;
    Options base = Options.defaults().strategy(strategy).seed(17);
    LOGS.clear();
    Weft.explore(base.iterations(count * perShard),
        ShardedExplorationTest::threeThreadsTakeOneMonitor);
    List<String> unsharded = List.copyOf(LOGS);
    assertThat(unsharded).hasSize(count * perShard);
    assertThat(new HashSet<>(unsharded)).as("the samplers vary the order").hasSizeGreaterThan(1);

    // PCT's first execution measures the program, and every shard runs it (the same one).
    boolean measuresFirst = strategy == Strategy.PCT;
    int covered = measuresFirst ? 1 + count * (perShard - 1) : count * perShard;
    String[] byIndex = new String[covered];
    for (int i = 1; i <= count; i++) {
      LOGS.clear();
      Result part = Weft.explore(base.shard(i, count).iterations(perShard),
          ShardedExplorationTest::threeThreadsTakeOneMonitor);
      assertThat(part.executions()).isEqualTo(perShard);
      for (int k = 0; k < perShard; k++) {
        int index = measuresFirst ? (k == 0 ? 0 : 1 + (i - 1) + (k - 1) * count)
            : (i - 1) + k * count;
        if (measuresFirst && k == 0 && byIndex[0] != null) {
          assertThat(LOGS.get(k)).isEqualTo(byIndex[0]);
          continue;
        }
        assertThat(byIndex[index]).as("execution %d run by two shards", index).isNull();
        byIndex[index] = LOGS.get(k);
      }
    }
    assertThat(List.of(byIndex)).isEqualTo(unsharded.subList(0, covered));
  }
}
