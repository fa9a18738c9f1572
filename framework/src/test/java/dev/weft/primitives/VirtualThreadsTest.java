package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Virtual threads (JDK 24+) are scheduled like platform threads. */
class VirtualThreadsTest {

  static final class Counter {
    int n;
  }

  @BeforeEach
  void needsControlledVirtualThreads() {
    assumeTrue(VirtualThreadApi.controlled(), "Weft controls virtual threads on JDK 24+");
  }

  @Test
  void aPlainCounterIncrementedByTwoVirtualThreadsIsADataRace() {
    Result result = Weft.explore(Probe.options(500), () -> {
      Counter c = new Counter();
      Thread a = VirtualThreadApi.start(() -> c.n++);
      Thread b = VirtualThreadApi.start(() -> c.n++);
      a.join();
      b.join();
    });
    System.out.println(result.report());
    assertThat(result.failure().map(Failure::kind)).as(result.report())
        .contains(Failure.Kind.DATA_RACE);
  }

  @Test
  void anAtomicCounterPasses() {
    Result result = Weft.explore(Probe.options(300), () -> {
      AtomicInteger c = new AtomicInteger();
      Thread a = VirtualThreadApi.start(c::incrementAndGet);
      Thread b = VirtualThreadApi.start(c::incrementAndGet);
      a.join();
      b.join();
      assertThat(c.get()).isEqualTo(2);
    });
    System.out.println(result.report());
    assertThat(result.failed()).as(result.report()).isFalse();
  }
}
