package dev.weft.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Linearizability;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each execution draws a full scenario, and the scenarios cover every operation and argument. */
class ScenarioTest {

  /** The objects under test; the models are plain AtomicIntegers. */
  static final class Tested extends AtomicInteger {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void explorationDrawsFullScenarios() {
    List<Tested> created = new CopyOnWriteArrayList<>();
    List<Integer> arguments = new CopyOnWriteArrayList<>();
    Result result = Weft.explore(Explore.options(), () ->
        Linearizability.<AtomicInteger>of(() -> {
          Tested counter = new Tested();
          created.add(counter);
          return counter;
        })
            .operation("incrementAndGet", AtomicInteger::incrementAndGet)
            .operation("incrementWithArgument", 1, 3, (c, x) -> {
              if (c instanceof Tested) arguments.add(x);
              return c.incrementAndGet();
            })
            .sequentialModel(AtomicInteger::new)
            .threads(3).operationsPerThread(2)
            .check());
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(created).hasSize(Explore.EXECUTIONS);
    // Every call adds 1, so each object's final value counts its calls: 3 threads x 2. A slot
    // stays empty with probability 1/16,000 only.
    assertThat(created.stream().filter(c -> c.get() == 6).count())
        .isGreaterThanOrEqualTo(Explore.EXECUTIONS - 2L);
    // both operations and every argument were drawn
    assertThat(arguments).contains(1, 2, 3).doesNotContain(0, 4);
    assertThat(arguments.size()).isBetween(Explore.EXECUTIONS, 5 * Explore.EXECUTIONS);
  }
}
