package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Body;
import dev.weft.systematic.SmallPrograms;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of the systematic search on the real runtime: for small real programs,
 * the unbounded search reaches exactly the outcomes (failures by signature, and the results the
 * program records) that an enumeration of every schedule reaches, each with the same fewest
 * preemptions, and counts exactly the classes of schedules the enumeration finds.
 */
class SystematicAgreesWithBruteForceTest {

  static Stream<Arguments> programs() {
    return SmallPrograms.all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void unbounded(String name, Body program) {
    Exhaustive.Space all = Exhaustive.bruteForce(program, -1);
    Exhaustive.Space search = Exhaustive.systematic(program, -1);
    System.out.println(name + ": brute force " + all.executions() + " executions, "
        + all.traces().size() + " classes, outcomes " + all.fewestPreemptions()
        + "; systematic " + search.executions() + " executions, " + search.progress());

    assertThat(search.fewestPreemptions()).as(name).isEqualTo(all.fewestPreemptions());
    assertThat(search.progress().orElseThrow().complete()).as(name).isTrue();
    // A failure ends its execution, so which independent steps of other threads ran before it
    // is arbitrary, and the classes of failing prefixes have no count to agree on; a report gives
    // the count only for an exploration in which nothing failed.
    if (all.outcomes().stream().allMatch(o -> o.startsWith("passed"))) {
      assertThat(search.progress().orElseThrow().schedules()).as(name)
          .isEqualTo(all.traces().size());
    }
  }

  /**
   * Virtual time is consistent: a timed wait whose deadline the clock has passed (another thread
   * slept past it) may time out while other threads can still run, not only once none can.
   */
  @Test
  void aTimedWaitTimesOutOnceTheClockPassedItsDeadline() {
    Map<String, Body> timeouts = SmallPrograms.timeouts();
    assertThat(Exhaustive.systematic(timeouts.get("timed join"), -1).outcomes())
        .containsExactlyInAnyOrder("passed | timed out x=0", "passed | timed out x=1",
            "passed | returned x=1");
    assertThat(Exhaustive.systematic(timeouts.get("timed wait"), -1).outcomes())
        .containsExactlyInAnyOrder("passed | ready false", "passed | ready true");
  }
}
