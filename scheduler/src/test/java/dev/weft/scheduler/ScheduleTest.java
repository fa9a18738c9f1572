package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void choicesAreCopiedInAndOut() {
    int[] choices = {1, 0, 2};
    Schedule schedule = new Schedule(7, choices);
    choices[0] = 9;
    schedule.choices()[1] = 9;

    assertThat(schedule.choices()).containsExactly(1, 0, 2);
    assertThat(schedule.length()).isEqualTo(3);
    assertThat(schedule.choice(2)).isEqualTo(2);
    assertThat(schedule.seed()).isEqualTo(7);
  }

  @Test
  void rejectsNegativeChoices() {
    assertThatThrownBy(() -> new Schedule(1, new int[] {0, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void equalityIsBySeedAndChoices() {
    Schedule a = new Schedule(3, new int[] {1, 2});

    assertThat(a).isEqualTo(new Schedule(3, new int[] {1, 2}));
    assertThat(a.hashCode()).isEqualTo(new Schedule(3, new int[] {1, 2}).hashCode());
    assertThat(a).isNotEqualTo(new Schedule(4, new int[] {1, 2}));
    assertThat(a).isNotEqualTo(new Schedule(3, new int[] {2, 1}));
    assertThat(a).isNotEqualTo(new Schedule(3, new int[] {1, 2, 0}));
  }

  @Test
  void withChoicesKeepsTheSeed() {
    Schedule a = new Schedule(-5, new int[] {1});

    Schedule b = a.withChoices(new int[] {0, 0});

    assertThat(b.seed()).isEqualTo(-5);
    assertThat(b.choices()).containsExactly(0, 0);
    assertThat(a.choices()).containsExactly(1);
  }
}
