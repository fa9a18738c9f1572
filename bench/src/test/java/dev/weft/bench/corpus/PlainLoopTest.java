package dev.weft.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain loop ends a run as the JVM ends {@code main}: it counts a run whose non-daemon threads
 * do not end in time, even when the body returned, and never waits for daemon threads. The
 * threads that "never end" here wait for a latch the test opens afterwards, so none outlives it.
 */
class PlainLoopTest {

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseTheBlockedThreads() {
    release.countDown();
  }

  private Runnable blocked() {
    return () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static CorpusProgram program(CorpusProgram.Body body) {
    return new CorpusProgram("probe", "test", null, body, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  @Test
  void aNonDaemonThreadTheBodyNeverJoinedAndThatNeverEndsShowsTheBug() throws Exception {
    int shown = PlainLoop.count(program(() -> {
      new Thread(blocked()).start();
      return null;
    }), 2);
    assertThat(shown).isEqualTo(2);
  }

  @Test
  void aNonDaemonThreadStartedByAnUnjoinedThreadIsWaitedForToo() throws Exception {
    int shown = PlainLoop.count(program(() -> {
      new Thread(() -> new Thread(blocked()).start()).start();
      return null;
    }), 1);
    assertThat(shown).isEqualTo(1);
  }

  @Test
  void unjoinedThreadsThatEndShowNothing() throws Exception {
    int shown = PlainLoop.count(program(() -> {
      new Thread(() -> {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).start();
      return null;
    }), 5);
    assertThat(shown).isZero();
  }

  @Test
  void aDaemonThreadThatNeverEndsIsNotWaitedFor() throws Exception {
    int shown = PlainLoop.count(program(() -> {
      Thread daemon = new Thread(blocked());
      daemon.setDaemon(true);
      daemon.start();
      return null;
    }), 2);
    assertThat(shown).isZero();
  }

  @Test
  void aRunThatThrowsOrReturnsAWrongValueShowsTheBug() throws Exception {
    CorpusProgram throwing = program(() -> {
      throw new IllegalStateException("the bug");
    });
    CorpusProgram wrong = new CorpusProgram("probe", "test", null, () -> 1, value -> value != null);
    assertThat(PlainLoop.count(throwing, 3)).isEqualTo(3);
    assertThat(PlainLoop.count(wrong, 3)).isEqualTo(3);
  }
}
