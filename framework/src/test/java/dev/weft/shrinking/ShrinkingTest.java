package dev.weft.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A found failure is shrunk to few preemptions, and the printed token replays the shrunk run. */
class ShrinkingTest {
  private static final Pattern SHRUNK =
      Pattern.compile("Shrunk from (\\d+) preemptions? / (\\d+) steps? to (\\d+) / (\\d+)");

  @Test
  void aLostUpdateFoundByRandomWalkShrinksToOnePreemption() {
    Weft.Body body = () -> {
          AtomicInteger counter = new AtomicInteger();
          Runnable increment = () -> {
            for (int i = 0; i < 3; i++) {
              int v = counter.get();
              counter.set(v + 1);
            }
          };
          Thread a = new Thread(increment);
          Thread b = new Thread(increment);
          a.start();
          b.start();
          a.join();
          b.join();
          if (counter.get() != 6) throw new AssertionError("lost update: " + counter.get());
        };
    Result result = Weft.explore(Options.defaults().strategy(Strategy.RANDOM).seed(11)
        .iterations(500), body);
    int[] numbers = shrinkNumbers(result);
    assertThat(numbers[2]).as(result.report()).isLessThanOrEqualTo(2);
    assertThat(numbers[2]).isLessThanOrEqualTo(numbers[0]);
    assertThat(interleaving(result)).contains("throws AssertionError");
    assertReplays(result, Failure.Kind.EXCEPTION, body);
  }

  @Test
  void aMapRaceShrinksAndKeepsBothLocations() {
    Weft.Body body = () -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = new Thread(() -> {
        for (int i = 0; i < 5; i++) map.merge("a" + i, 1, Integer::sum);
      });
      Thread b = new Thread(() -> {
        for (int i = 0; i < 5; i++) map.merge("b" + i, 1, Integer::sum);
      });
      a.start();
      b.start();
      a.join();
      b.join();
    };
    Result result = Weft.explore(Options.defaults().strategy(Strategy.RANDOM).seed(5)
        .iterations(200), body);
    int[] numbers = shrinkNumbers(result);
    assertThat(numbers[2]).as(result.report()).isLessThanOrEqualTo(2);
    assertThat(result.failure().orElseThrow().accesses()).hasSize(2);
    String trace = interleaving(result);
    assertThat(trace.lines().filter(l -> l.startsWith(" >> ")))
        .as(trace).hasSize(2)
        .anyMatch(l -> l.contains("ShrinkingTest.java:54"))
        .anyMatch(l -> l.contains("ShrinkingTest.java:57"));
    Result replayed = assertReplays(result, Failure.Kind.DATA_RACE, body);
    assertThat(replayed.failure().orElseThrow().accesses())
        .extracting(a -> a.operation() + " " + a.location() + " " + a.isWrite())
        .isEqualTo(result.failure().orElseThrow().accesses().stream()
            .map(a -> a.operation() + " " + a.location() + " " + a.isWrite()).toList());
  }

  /** The interleaving table of the report: a header, at most 30 rows, and a legend. */
  private static String interleaving(Result result) {
    String report = result.report();
    int start = report.indexOf("  Interleaving:\n");
    assertThat(start).as(report).isNotNegative();
    int end = report.indexOf("(~ marks a switch", start);
    String table = report.substring(start, end);
    assertThat(table.lines().count()).as(table).isLessThanOrEqualTo(2 + 30);
    return table;
  }

  private static int[] shrinkNumbers(Result result) {
    assertThat(result.failed()).as(result.report()).isTrue();
    Matcher m = SHRUNK.matcher(result.report());
    assertThat(m.find()).as(result.report()).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
  }

  /** The printed (shrunk) token replays strictly to a failure of the same kind. */
  private static Result assertReplays(Result result, Failure.Kind kind, Weft.Body body) {
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(kind);
    Result replayed = Weft.replay(failure.replayToken(), body);
    assertThat(replayed.failure().map(Failure::kind)).as(replayed.report()).contains(kind);
    return replayed;
  }
}
