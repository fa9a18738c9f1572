package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Uncontrolled;
import dev.weft.Weft;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every phase of an exploration ends in time: a thread that waits in real time where Weft cannot
 * see it is a loss of control, an execution that never ends is cut off by the time limit, and a
 * failure found late is reported with what is known.
 */
class TimeLimitsTest {

  private static Options options() {
    return Probe.options(20).stallTimeout(Duration.ofSeconds(1)).timeLimit(Duration.ofMinutes(1));
  }

  @Test
  void aTimedWaitLoopInUncontrolledCodeIsALossOfControlNotAHang() {
    Result result = Weft.explore(options(), () -> {
      AtomicBoolean stop = new AtomicBoolean();
      Thread poller = new Thread(() -> {
        while (!stop.get()) {
          try {
            Uncontrolled.timedWait(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "poller");
      poller.start();
      poller.join();
    });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.LOST_CONTROL);
    assertThat(failure.summary()).contains("T1 (poller)").contains("waiting in real time")
        .contains("(in Object.wait)");
    assertThat(result.report()).contains("Uncontrolled.timedWait");
  }

  @Test
  void aDaemonSleepingForRealWhileTheBodyWaitsIsALossOfControl() {
    Result result = Weft.explore(options(), () -> {
      AtomicBoolean stop = new AtomicBoolean();
      Thread ticker = new Thread(() -> {
        while (!stop.get()) {
          try {
            Uncontrolled.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "ticker");
      ticker.setDaemon(true);
      ticker.start();
      new CountDownLatch(1).await();
    });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.LOST_CONTROL);
    assertThat(failure.summary()).contains("T1 (ticker)").contains("waiting in real time");
  }

  @Test
  void realWaitsThatEndAreNotALossOfControl() {
    Probe.assertPasses(3, () -> {
      Thread t = new Thread(() -> {
        try {
          Uncontrolled.sleep(300);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      t.join();
    });
  }

  @Test
  void theTimeLimitEndsAFirstExecutionThatNeverEnds() {
    Result result = Weft.explore(options().maxSteps(Integer.MAX_VALUE)
        .timeLimit(Duration.ofSeconds(2)), () -> {
          while (true) {
            Thread.yield();
          }
        });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.LOST_CONTROL);
    assertThat(failure.summary()).contains("did not end within the time limit");
    assertThat(result.report()).contains("TimeLimitsTest.java").contains("timeLimitSeconds");
  }

  @Test
  void anExecutionCutOffAfterOthersEndedIsABudgetSpentNotAFailure() {
    AtomicInteger runs = new AtomicInteger();
    Result result = Weft.explore(options().maxSteps(Integer.MAX_VALUE)
        .timeLimit(Duration.ofSeconds(2)), () -> {
          if (runs.incrementAndGet() <= 3) return;
          while (true) {
            Thread.yield();
          }
        });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(3);
    assertThat(result.report()).contains("ended execution 4 before it finished");
  }

  @Test
  void aFailureFoundJustBeforeTheTimeLimitIsReportedWithItsToken() {
    Weft.Body slowFailure = () -> {
      Uncontrolled.sleep(1_500);
      throw new IllegalStateException("found late");
    };
    Result result = Weft.explore(Probe.options(5).timeLimit(Duration.ofSeconds(2)), slowFailure);
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.EXCEPTION);
    assertThat(failure.summary()).contains("found late");
    assertThat(result.report()).contains("No time was left to re-run it for the interleaving")
        .contains("Reproduce with: Weft.replay(\"" + failure.replayToken() + "\", body)");
    Result replayed = Weft.replay(Probe.options(1), failure.replayToken(), slowFailure);
    assertThat(replayed.failure().orElseThrow().summary()).isEqualTo(failure.summary());
  }

  @Test
  void shrinkingStopsAtTheTimeLimitOfTheExploration() {
    Options slowToShrink = Probe.options(2000).timeLimit(Duration.ofSeconds(3))
        .shrinking(400, Duration.ofMinutes(5));
    Result result = Weft.explore(slowToShrink, () -> {
      Uncontrolled.sleep(100);
      AtomicInteger counter = new AtomicInteger();
      Thread other = new Thread(() -> SynchronizersTest.unsafeIncrement(counter));
      other.start();
      SynchronizersTest.unsafeIncrement(counter);
      other.join();
      assertThat(counter.get()).isEqualTo(2);
    });
    assertThat(result.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.EXCEPTION);
    Matcher shrunk = Pattern.compile("in (\\d+) re-executions").matcher(result.report());
    assertThat(shrunk.find()).as(result.report()).isTrue();
    // Each re-execution sleeps 100 ms: the 3 s limit allows at most 30 of the 400.
    assertThat(Integer.parseInt(shrunk.group(1))).isLessThanOrEqualTo(30);
  }
}
