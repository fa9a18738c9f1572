package dev.weft.scheduler;

/**
 * How a group of shards shares out the options of one decision, so that every schedule belongs
 * to exactly one shard. With at least as many options as shards, option {@code j} (in order)
 * goes to shard {@code j mod count} alone; with fewer, the shards divide into one group per
 * option, which splits again at the next decision that branches. A group still larger than one
 * at the end of an execution leaves that schedule to its first member.
 */
final class ShardSplit {
  private ShardSplit() {}

  /** Adds to {@code owned} the options of {@code shared} that member {@code index} takes. */
  static void owned(IdSet shared, int index, int count, IdSet owned) {
    int options = shared.size();
    int j = 0;
    for (int x = shared.next(0); x >= 0; x = shared.next(x + 1), j++) {
      if (options >= count ? j % count == index : j == index % options) owned.add(x);
    }
  }

  /** The shard's index in the group that explores below option number {@code j}. */
  static int indexBelow(int options, int index, int count) {
    return options >= count ? 0 : index / options;
  }

  /** The size of the group that explores below option number {@code j}. */
  static int countBelow(int options, int j, int count) {
    return options >= count ? 1 : (count - j + options - 1) / options;
  }
}
