package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.scheduler.SchedulingStrategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A strategy that has no more schedules ends the exploration, and the report says so. */
class StrategyEndsTheSearchTest {

  /** Always runs the lowest enabled thread, and has schedules for {@code executions} runs. */
  private static final class FewSchedules implements SchedulingStrategy {
    private final int executions;
    private int started;

    FewSchedules(int executions) {
      this.executions = executions;
    }

    @Override
    public void startExecution(int executionIndex) {
      started++;
    }

    @Override
    public void onThreadCreated(int threadId) {}

    @Override
    public int pickThread(int[] enabled, int count, int current) {
      return enabled[0];
    }

    @Override
    public int pickInt(int bound) {
      return 0;
    }

    @Override
    public void onSpin(int threadId) {}

    @Override
    public void finishExecution(int steps) {}

    @Override
    public boolean hasNextExecution() {
      return started < executions;
    }
  }

  @Test
  void theExplorationStopsWhenTheStrategyHasNoMoreSchedules() {
    AtomicInteger runs = new AtomicInteger();
    Result result = Explorer.explore(Options.defaults().iterations(50), runs::incrementAndGet, 9L,
        new FewSchedules(3));

    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(3);
    assertThat(runs).hasValue(3);
    assertThat(result.report()).isEqualTo("No failure in 3 executions (seed 9, POS)."
        + " The strategy ended the search after 3 of the 50 executions allowed: it had no more"
        + " schedules to try.");
  }

  @Test
  void aStrategyThatDoesNotEndRunsEveryIteration() {
    AtomicInteger runs = new AtomicInteger();
    Result result = Explorer.explore(Options.defaults().iterations(5), runs::incrementAndGet, 9L,
        new FewSchedules(Integer.MAX_VALUE));

    assertThat(result.executions()).isEqualTo(5);
    assertThat(runs).hasValue(5);
    assertThat(result.report()).isEqualTo("No failure in 5 executions (seed 9, POS).");
  }
}
