package dev.weft.scheduler;

import java.util.Arrays;

/**
 * One execution as data: the seed of the exploration that produced it and the sequence of choices
 * made at every decision that had more than one option (thread switches and other picks such as
 * which waiter a {@code notify} wakes). Decisions with a single option are not recorded, so a
 * schedule only holds what a replay needs.
 *
 * <p>Immutable: the choice array is copied in and out.
 */
public final class Schedule {
  private final long seed;
  private final int[] choices;

  /**
   * @param seed the exploration seed, kept so that a replay can report it
   * @param choices the recorded choices (thread ids or option indices), none negative
   */
  public Schedule(long seed, int[] choices) {
    this.seed = seed;
    this.choices = choices.clone();
    for (int c : this.choices) {
      if (c < 0) throw new IllegalArgumentException("negative choice " + c);
    }
  }

  /** Seed of the exploration that produced the schedule. */
  public long seed() {
    return seed;
  }

  /** Number of recorded choices. */
  public int length() {
    return choices.length;
  }

  /** Choice number {@code index}, 0-based. */
  public int choice(int index) {
    return choices[index];
  }

  /** A copy of all choices. */
  public int[] choices() {
    return choices.clone();
  }

  /** A copy with other choices and the same seed. */
  public Schedule withChoices(int[] newChoices) {
    return new Schedule(seed, newChoices);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule s && s.seed == seed && Arrays.equals(s.choices, choices);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seed) * 31 + Arrays.hashCode(choices);
  }

  @Override
  public String toString() {
    return "Schedule{seed=" + seed + ", choices=" + Arrays.toString(choices) + "}";
  }
}
