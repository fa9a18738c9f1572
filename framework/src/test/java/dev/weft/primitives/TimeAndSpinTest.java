package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeAndSpinTest {

  static final class Flag {
    volatile boolean set;
    int payload;
  }

  @Test
  void findsSleepBasedSynchronization() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      Flag f = new Flag();
      new Thread(() -> f.payload = 7).start();
      Thread.sleep(100);
      assertThat(f.payload).isEqualTo(7);
    });
  }

  @Test
  void joinInsteadOfSleepPasses() {
    Probe.assertPasses(300, () -> {
      Flag f = new Flag();
      Thread t = new Thread(() -> f.payload = 7);
      t.start();
      t.join();
      assertThat(f.payload).isEqualTo(7);
      assertThat(t.isAlive()).isFalse();
    });
  }

  @Test
  void spinWaitingOnAVolatileFlagIsNeitherSlowNorFlaky() {
    Probe.assertPasses(300, () -> {
      Flag f = new Flag();
      Thread t = new Thread(() -> {
        f.payload = 7;
        f.set = true;
      });
      t.start();
      while (!f.set) {
        Thread.onSpinWait();
      }
      assertThat(f.payload).isEqualTo(7);
      Flag g = new Flag();
      Thread u = new Thread(() -> g.set = true);
      u.start();
      while (!g.set) {
        // a bare spin loop re-reading the volatile: deprioritized, so u gets to run
      }
    });
  }

  @Test
  void aSpinLoopWaitingForeverIsALivelock() {
    Probe.assertFinds(Failure.Kind.LIVELOCK, Probe.options(5).maxSteps(2000), () -> {
      Flag f = new Flag();
      Thread t = new Thread(() -> {
        while (!f.set) {
          Thread.onSpinWait();
        }
      });
      t.start();
      t.join();
    });
  }

  @Test
  void interruptWakesASleeper() {
    Probe.assertPasses(200, () -> {
      boolean[] interrupted = new boolean[1];
      Thread sleeper = new Thread(() -> {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted[0] = true;
        }
      });
      sleeper.start();
      sleeper.interrupt();
      sleeper.join();
    });
  }

  @Test
  void theWatchdogTurnsABlockingReadIntoAClearFailure() throws IOException {
    Pipe pipe = Pipe.open();
    try {
      Result result = Weft.explore(
          Options.defaults().iterations(3).seed(1).stallTimeout(Duration.ofSeconds(1)), () -> {
            Thread t = new Thread(() -> {
              try {
                pipe.source().read(ByteBuffer.allocate(1));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
            t.start();
            t.join();
          });
      assertThat(result.failed()).isTrue();
      Failure failure = result.failure().orElseThrow();
      assertThat(failure.kind()).isEqualTo(Failure.Kind.LOST_CONTROL);
      assertThat(result.report()).contains("T1").contains("TimeAndSpinTest.java");
    } finally {
      pipe.sink().close();
      pipe.source().close();
    }
  }
}
