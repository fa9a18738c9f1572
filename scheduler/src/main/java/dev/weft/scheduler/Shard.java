package dev.weft.scheduler;

/**
 * One part of an exploration split over {@code count} processes (Surefire forks, the machines of a
 * CI matrix): the part with 0-based {@code index}. The strategies that take a shard explore
 * disjoint parts whose union is the unsharded exploration: {@link SystematicStrategy} splits the
 * tree of schedules at its first branching decisions, the samplers take disjoint execution indices
 * (and so seeds).
 *
 * <p>Users number shards from 1, like other test tools do: {@link #parse} reads {@code "2/4"} as
 * the second of four ({@code index} 1), and {@link #toString} writes it back that way.
 *
 * @param index 0-based, below {@code count}
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
  /** The whole exploration, unsplit. */
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1) throw new IllegalArgumentException("a shard count must be at least 1: " + count);
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("shard index " + index + " is not in [0, " + count + ")");
    }
  }

  /**
   * Reads {@code "i/n"}: shard {@code i} (from 1) of {@code n}.
   *
   * @throws IllegalArgumentException with a message that quotes the text and says what fits
   */
  public static Shard parse(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    try {
      if (slash > 0) {
        int number = Integer.parseInt(t.substring(0, slash).trim());
        int count = Integer.parseInt(t.substring(slash + 1).trim());
        if (count >= 1 && number >= 1 && number <= count) return new Shard(number - 1, count);
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not a shard: write i/n, the i-th of n"
        + " parts counted from 1 (for example 1/4 ... 4/4)");
  }

  /** Whether this is the whole exploration. */
  public boolean isAll() {
    return count == 1;
  }

  /**
   * The exploration-wide index of this shard's execution number {@code local}: executions
   * {@code index, index + count, index + 2 count, ...} of the unsharded run.
   */
  public int executionIndex(int local) {
    return index + local * count;
  }

  /** {@code "i/n"}, counted from 1 as users write it. */
  @Override
  public String toString() {
    return (index + 1) + "/" + count;
  }
}
