package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default candidate: the systematic search while the space is small, then a sampler too. */
class AutoStrategyTest {

  private static AutoStrategy auto(int bound) {
    return new AutoStrategy(new SystematicStrategy(bound),
        PctStrategy.adaptive(7, PctStrategy.DEFAULT_MAX_DEPTH, Shard.ALL),
        AutoStrategy.DEFAULT_HEAD);
  }

  @Test
  void aSmallSpaceIsTheSearchsAloneAndEndsExhausted() {
    Sim.Program program = Programs.lockedCounter(2, 1);
    int alone = Search.run(program, new SystematicStrategy(-1), 100_000).executions();
    AutoStrategy auto = auto(-1);

    Search search = Search.run(program, auto, 100_000);

    assertThat(search.executions()).isEqualTo(alone).isLessThan(AutoStrategy.DEFAULT_HEAD);
    assertThat(auto.samplerExecutions()).isZero();
    assertThat(auto.progress().exhausted()).isTrue();
    assertThat(auto.progress().complete()).isTrue();
  }

  @Test
  void pastTheHeadABigSpaceIsSharedEquallyWithTheSampler() {
    AutoStrategy auto = auto(2);

    Search.run(Programs.manySetters(8, 3), auto, 300);

    assertThat(auto.progress().ended()).isFalse();
    assertThat(auto.samplerExecutions()).isEqualTo((300 - AutoStrategy.DEFAULT_HEAD) / 2);
  }

  @Test
  void withTheSameSeedItRunsTheSameSchedules() {
    Search first = Search.run(Programs.manySetters(8, 3), auto(2), 300);
    Search second = Search.run(Programs.manySetters(8, 3), auto(2), 300);

    assertThat(second.schedules).isEqualTo(first.schedules);
  }
}
