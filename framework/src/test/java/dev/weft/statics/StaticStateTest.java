package dev.weft.statics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.statics.StaticBaselines;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every execution starts from the static state the program had before the first one: a lazy
 * singleton races in every execution, a flag set by one execution does not fail the next; with
 * {@code resetStatics(false)} both show what a leftover does.
 */
class StaticStateTest {

  private static Options options(int iterations, long seed) {
    return Options.defaults().iterations(iterations).seed(seed)
        .timeLimit(Duration.ofMinutes(1));
  }

  /** A lazy singleton without a lock: two threads may both see no instance and build one each. */
  static final class LazyRegistry {
    static volatile LazyRegistry instance;
    static volatile int constructions;

    LazyRegistry() {
      constructions = constructions + 1;
    }

    static LazyRegistry get() {
      if (instance == null) instance = new LazyRegistry();
      return instance;
    }
  }

  private static void twoThreadsGetTheSingleton() throws InterruptedException {
    LazyRegistry[] got = new LazyRegistry[2];
    Thread other = new Thread(() -> got[1] = LazyRegistry.get());
    other.start();
    got[0] = LazyRegistry.get();
    other.join();
    if (got[0] != got[1] || LazyRegistry.constructions != 1) {
      throw new AssertionError("two singletons: " + LazyRegistry.constructions + " constructions");
    }
  }

  @Test
  void aLazySingletonRacesInEveryExecutionNotOnlyTheFirst() {
    // A seed whose first execution happens to pass: without the reset nothing could fail later.
    long seed = 0;
    Result found = null;
    for (long s = 1; s <= 50 && found == null; s++) {
      Result r = Weft.explore(options(200, s), StaticStateTest::twoThreadsGetTheSingleton);
      assertThat(r.failed()).as("seed %d: %s", s, r.report()).isTrue();
      if (r.executions() > 1) {
        found = r;
        seed = s;
      }
    }
    assertThat(found).as("no seed of 1..50 passes its first execution").isNotNull();
    Failure failure = found.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.EXCEPTION);
    assertThat(failure.summary()).contains("two singletons");
    assertThat(StaticBaselines.isReset(LazyRegistry.class)).isTrue();

    Result replayed = Weft.replay(options(1, seed), failure.replayToken(),
        StaticStateTest::twoThreadsGetTheSingleton);
    assertThat(replayed.failed()).as(replayed.report()).isTrue();
    assertThat(replayed.failure().orElseThrow().summary()).isEqualTo(failure.summary());

    Result kept = Weft.explore(options(200, seed).resetStatics(false),
        StaticStateTest::twoThreadsGetTheSingleton);
    assertThat(kept.failed()).as(kept.report()).isFalse();
    assertThat(kept.executions()).isEqualTo(200);
  }

  /** A program whose flags are initialized in their declarations, as benchmark programs are. */
  static final class Service {
    static boolean running = true;
    static int handled = 0;
  }

  private static void handleTwoRequestsThenStop() throws InterruptedException {
    if (!Service.running) throw new IllegalStateException("the service was already stopped");
    Thread worker = new Thread(() -> {
      synchronized (Service.class) {
        Service.handled++;
      }
    });
    worker.start();
    synchronized (Service.class) {
      Service.handled++;
    }
    worker.join();
    if (Service.handled != 2) throw new AssertionError(Service.handled + " requests handled");
    Service.running = false;
  }

  @Test
  void flagsInitializedInTheirDeclarationsStartEveryExecutionAfresh() {
    Result reset = Weft.explore(options(100, 3), StaticStateTest::handleTwoRequestsThenStop);
    assertThat(reset.failed()).as(reset.report()).isFalse();
    assertThat(reset.executions()).isEqualTo(100);
    assertThat(Service.running).as("restored after the exploration").isTrue();
    assertThat(Service.handled).isZero();

    Result kept = Weft.explore(options(100, 3).resetStatics(false),
        StaticStateTest::handleTwoRequestsThenStop);
    assertThat(kept.failed()).isTrue();
    assertThat(kept.executions()).as("fails for the wrong reason in execution 2").isEqualTo(2);
    assertThat(kept.failure().orElseThrow().summary())
        .contains("the service was already stopped");
    Service.running = true;
    Service.handled = 0;
  }

  /** Static state set before the exploration is the baseline, not the initializer's values. */
  static final class Settings {
    static int workers = 1;
  }

  @Test
  void theBaselineIsTheStateBeforeTheFirstExecution() {
    Settings.workers = 4;
    Result result = Weft.explore(options(50, 5), () -> {
      if (Settings.workers != 4) throw new AssertionError("workers = " + Settings.workers);
      Settings.workers = 0;
    });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(Settings.workers).isEqualTo(4);
  }

  /** A correct program: a table built once by the class initializer, read by two threads. */
  static final class Squares {
    static final int[] TABLE = new int[16];
    static final Map<String, Integer> NAMED = Map.of("four", 4, "nine", 9);

    static {
      for (int i = 0; i < TABLE.length; i++) TABLE[i] = i * i;
    }
  }

  @Test
  void aTableBuiltByTheClassInitializerIsLeftAlone() {
    Result result = Weft.explore(options(200, 7), () -> {
      int[] seen = new int[1];
      Thread reader = new Thread(() -> seen[0] = Squares.TABLE[3] + Squares.NAMED.get("four"));
      reader.start();
      int mine = Squares.TABLE[5] + Squares.NAMED.get("nine");
      reader.join();
      if (seen[0] != 13 || mine != 34) throw new AssertionError(seen[0] + " " + mine);
    });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(200);
    assertThat(StaticBaselines.isReset(Squares.class)).as("only finals: nothing to reset")
        .isFalse();
  }

  @Test
  void aClassWhoseFieldsWeftCannotSetIsSkippedAndCounted() {
    int before = StaticBaselines.skippedCount();
    // java.net is not opened to Weft: URL's static handler factory cannot be set.
    StaticBaselines.recorder().classInitialized(java.net.URL.class);
    assertThat(StaticBaselines.skippedCount()).isEqualTo(before + 1);
    assertThat(StaticBaselines.isReset(java.net.URL.class)).isFalse();
  }

  /** Static state guarded by the class's own monitor, first initialized inside it. */
  static final class Hits {
    static int count;
  }

  @Test
  void aClassInitializedUnderItsOwnMonitorIsRecorded() {
    Result reset = Weft.explore(options(50, 1).timeLimit(Duration.ofSeconds(20)), () -> {
      Thread t = new Thread(() -> {
        synchronized (Hits.class) {
          Hits.count++;
        }
      });
      t.start();
      synchronized (Hits.class) {
        Hits.count++;
      }
      t.join();
      if (Hits.count != 2) throw new AssertionError(Hits.count + " hits");
    });
    assertThat(reset.failed()).as(reset.report()).isFalse();
    assertThat(reset.executions()).isEqualTo(50);
    assertThat(StaticBaselines.isReset(Hits.class)).isTrue();
    assertThat(Hits.count).as("back to the initializer's value").isZero();
  }
}
