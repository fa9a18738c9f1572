package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The systematic search against brute force on random programs: within every bound it reaches
 * exactly the final states that some schedule within that bound reaches, and it reaches each
 * first with the fewest preemptions that can.
 */
class SystematicSoundnessTest {
  /** More for a long one-off run: {@code -Dweft.soundness.programs=20000}. */
  private static final int PROGRAMS = Integer.getInteger("weft.soundness.programs", 400);

  @ParameterizedTest(name = "bound {0}")
  @ValueSource(ints = {0, 1, 2, 3, SystematicStrategy.UNBOUNDED})
  void reachesWhatBruteForceReachesWithTheFewestPreemptionsFirst(int bound) {
    for (long seed = 0; seed < PROGRAMS; seed++) {
      StringBuilder text = new StringBuilder();
      Sim.Program program = RandomPrograms.generate(seed, text);
      BruteForce.Result expected = BruteForce.explore(program, bound);
      SystematicStrategy strategy = new SystematicStrategy(bound);
      Search search = Search.run(program, strategy, 1_000_000);

      Map<String, Integer> firstReached = new HashMap<>();
      for (int i = 0; i < search.executions(); i++) {
        firstReached.putIfAbsent(search.outcomes.get(i).finalState(), search.preemptions.get(i));
      }
      assertThat(firstReached).as("program %d:\n%s", seed, text)
          .containsExactlyInAnyOrderEntriesOf(expected.fewestPreemptions);
      assertThat(strategy.progress().exhausted()).isTrue();
    }
  }
}
