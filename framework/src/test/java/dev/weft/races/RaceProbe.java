package dev.weft.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.time.Duration;
import java.util.List;

/** Assertions for race detection: a race is reported with both lines; a correct program is quiet. */
final class RaceProbe {
  private RaceProbe() {}

  static final long SEED = 20261123L;

  static Options options(int iterations) {
    return Options.defaults().iterations(iterations).seed(SEED).timeLimit(Duration.ofMinutes(1));
  }

  /** The body races; the report names both accesses at the given lines of this test file. */
  static Failure assertRace(Class<?> testClass, String markerA, String markerB, Weft.Body body) {
    return assertRaceReported(testClass, markerA, markerB, 500, body).failure().orElseThrow();
  }

  /** As above, exploring at most {@code iterations} schedules to find the race. */
  static Failure assertRace(Class<?> testClass, String markerA, String markerB, int iterations,
      Weft.Body body) {
    return assertRaceReported(testClass, markerA, markerB, iterations, body).failure()
        .orElseThrow();
  }

  /** {@link #assertRace}, returning the whole result for checks on the report text. */
  static Result assertRaceReported(Class<?> testClass, String markerA, String markerB,
      Weft.Body body) {
    return assertRaceReported(testClass, markerA, markerB, 500, body);
  }

  static Result assertRaceReported(Class<?> testClass, String markerA, String markerB,
      int iterations,
      Weft.Body body) {
    String file = testClass.getSimpleName() + ".java";
    int lineA = SourceMarkers.line(testClass, markerA);
    int lineB = SourceMarkers.line(testClass, markerB);
    Result result = Weft.explore(options(iterations), body);
    assertThat(result.failed()).as("expected a data race, got: %s", result.report()).isTrue();
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(Failure.Kind.DATA_RACE);
    List<Access> accesses = failure.accesses();
    assertThat(accesses).hasSize(2);
    assertThat(accesses.get(0).threadName()).isNotEqualTo(accesses.get(1).threadName());
    assertThat(accesses.stream().map(a -> a.location().orElseThrow().getFileName() + ":"
        + a.location().orElseThrow().getLineNumber()))
        .as(result.report())
        .containsExactlyInAnyOrder(file + ":" + lineA, file + ":" + lineB);
    assertThat(accesses).anyMatch(Access::isWrite);
    assertThat(result.report()).startsWith("DATA RACE on ")
        .contains("Fix: ").contains("Reproduce with: Weft.replay(\"");
    dev.weft.primitives.ShrinkChecks.assertShrunkAndTraced(result);
    Result replayed = Weft.replay(failure.replayToken(), body);
    assertThat(replayed.failure().map(Failure::kind)).contains(Failure.Kind.DATA_RACE);
    // Thread names carry JVM-wide counters (pool-7-thread-1); the T-numbers are what replays.
    assertThat(describe(replayed.failure().orElseThrow().accesses())).isEqualTo(describe(accesses));
    return result;
  }

  /** The body is correctly synchronized: every execution passes. */
  static void assertNoRace(Weft.Body body) {
    assertNoRace(300, body);
  }

  /** As above, over {@code iterations} schedules. */
  static void assertNoRace(int iterations, Weft.Body body) {
    Result result = Weft.explore(options(iterations), body);
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(iterations);
  }

  private static List<String> describe(List<Access> accesses) {
    return accesses.stream()
        .map(a -> a.threadName().split(" ")[0] + " " + a.operation() + " " + a.location())
        .toList();
  }

  static Thread start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.start();
    return t;
  }
}
