package dev.weft.linearizability;

import static dev.weft.linearizability.Explore.expectFailure;
import static dev.weft.linearizability.Explore.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Linearizability;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.linearizability.History;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Shrinking a NOT_LINEARIZABLE failure removes calls, not only preemptions. */
class ShrinkingTest {

  private static void bigScenario() {
    Linearizability.of(NotLinearizableObjectsTest.VolatileCounter::new)
        .operation("incrementAndGet", NotLinearizableObjectsTest.VolatileCounter::incrementAndGet)
        .operation("addAndGet", 1, 3, (c, x) -> {
          int sum = 0;
          for (int i = 0; i < x; i++) sum = c.incrementAndGet();
          return sum;
        })
        .operation("get", NotLinearizableObjectsTest.VolatileCounter::get)
        .threads(3).operationsPerThread(4)
        .check();
  }

  @Test
  void theShrunkTokenReplaysAHistoryWithFewerCalls() {
    Options options = Explore.options();
    Result unshrunk = expectFailure(options.shrinking(0, Duration.ofSeconds(1)),
        Failure.Kind.NOT_LINEARIZABLE, ShrinkingTest::bigScenario);
    Result shrunk = expectFailure(options, Failure.Kind.NOT_LINEARIZABLE,
        ShrinkingTest::bigScenario);
    // the same failing execution, before and after shrinking
    assertThat(shrunk.executions()).isEqualTo(unshrunk.executions());
    History before = violation(unshrunk).history();
    History after = violation(shrunk).history();
    assertThat(before.size()).isEqualTo(12);
    assertThat(after.size()).isLessThan(before.size());

    Result replayed =
        Weft.replay(shrunk.failure().orElseThrow().replayToken(), ShrinkingTest::bigScenario);
    assertThat(violation(replayed).history().size()).isEqualTo(after.size());
  }
}
