package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On JDK 21 to 23 Weft does not schedule virtual threads (a virtual thread that waits for its
 * turn inside {@code synchronized} would pin its carrier there): a program that creates one is
 * not passed untested, but ends at once with a failure that says so and what to do. Skipped on
 * every other JDK: before 21 there are no virtual threads, from 24 they are controlled ({@link
 * VirtualThreadsTest}).
 */
class VirtualThreadsRefusedTest {

  @Test
  void creatingAVirtualThreadBeforeJdk24EndsTheExecutionWithAClearLostControl() {
    assumeTrue(VirtualThreadApi.available() && !VirtualThreadApi.controlled(),
        "virtual threads are refused on JDK 21 to 23 only");
    Result result = Weft.explore(Options.defaults().iterations(20).seed(1)
        .timeLimit(Duration.ofSeconds(40)).stallTimeout(Duration.ofMinutes(5)), () -> {
          int[] box = {0};
          Thread t = VirtualThreadApi.start(() -> box[0]++);
          t.join();
        });
    assertThat(result.failure().map(Failure::kind)).as(result.report())
        .contains(Failure.Kind.LOST_CONTROL);
    assertThat(result.report())
        .startsWith("LOST CONTROL: T0 (weft-body) created a virtual thread at VirtualThreadApi.java:")
        .contains(", which Weft controls on JDK 24 and later only")
        .contains("Thread.ofPlatform()");
  }
}
