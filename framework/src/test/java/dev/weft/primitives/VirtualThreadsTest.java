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
 * Virtual threads (JDK 21+) are not controlled yet: a program that creates one is not passed
 * untested (its code would run outside the schedule), but ends at once with a failure that says
 * so and what to do.
 */
class VirtualThreadsTest {

  /** {@code Thread.ofVirtual().start(task)}, reflectively: this module compiles for Java 17. */
  private static Thread startVirtual(Runnable task) throws ReflectiveOperationException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder");
    return (Thread) ofVirtual.getMethod("start", Runnable.class).invoke(builder, task);
  }

  @Test
  void creatingAVirtualThreadEndsTheExecutionWithAClearLostControl() {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
    Result result = Weft.explore(Options.defaults().iterations(20).seed(1)
        .timeLimit(Duration.ofSeconds(40)).stallTimeout(Duration.ofMinutes(5)), () -> {
          int[] box = {0};
          Thread t = startVirtual(() -> box[0]++);
          t.join();
        });
    assertThat(result.failure().map(Failure::kind)).as(result.report())
        .contains(Failure.Kind.LOST_CONTROL);
    assertThat(result.report())
        .startsWith("LOST CONTROL: T0 (weft-body) created a virtual thread at VirtualThreadsTest.java:")
        .contains(", which Weft does not control")
        .contains("Thread.ofPlatform()");
  }
}
