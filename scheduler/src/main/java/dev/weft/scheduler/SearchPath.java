package dev.weft.scheduler;

/**
 * The depth-first search of the systematic strategy, kept as the path of decisions from the root
 * to the last execution's leaf. Each execution replays the decisions of {@link #prefix} (the last
 * one being the new branch) and appends the ones it makes beyond; {@link #advance} then moves to
 * the next branch, deepest first, as stateless model checking does.
 */
final class SearchPath {
  private SearchNode[] nodes = new SearchNode[64];
  private int size;
  private int prefix;
  private boolean pruned;

  int size() {
    return size;
  }

  /** Decisions the next execution replays; the last of them is the branch to explore. */
  int prefix() {
    return prefix;
  }

  SearchNode get(int depth) {
    return nodes[depth];
  }

  SearchNode append(SearchNode.Type type) {
    if (size == nodes.length) nodes = java.util.Arrays.copyOf(nodes, size * 2);
    if (nodes[size] == null) nodes[size] = new SearchNode();
    SearchNode node = nodes[size++];
    node.reset(type);
    return node;
  }

  void removeLast() {
    size--;
  }

  /** Forgets decisions from {@code depth} on; the prefix is cut too. */
  void truncate(int depth) {
    size = Math.min(size, depth);
    prefix = Math.min(prefix, depth);
  }

  /** Starts a new search (a new pass). */
  void clear() {
    size = 0;
    prefix = 0;
    pruned = false;
  }

  /** Whether the bound kept this search from some branch it wanted. */
  boolean pruned() {
    return pruned;
  }

  /** The bound kept the search from a branch it wanted: a pass with a higher bound finds more. */
  void markPruned() {
    pruned = true;
  }

  /**
   * Asks to explore thread {@code thread} at decision {@code depth}, or every enabled thread if it
   * was not enabled there (Flanagan and Godefroid). A split decision already explores all its
   * shard's options.
   */
  void want(int depth, int thread) {
    SearchNode node = nodes[depth];
    if (node.split) return;
    if (node.options.contains(thread)) {
      if (node.allows(thread)) node.wanted.add(thread);
    } else {
      wantAll(node);
    }
  }

  /** Asks to explore every thread decision {@code depth} allows. */
  void wantAll(int depth) {
    if (!nodes[depth].split) wantAll(nodes[depth]);
  }

  private static void wantAll(SearchNode node) {
    for (int x = node.options.next(0); x >= 0; x = node.options.next(x + 1)) {
      if (node.allows(x)) node.wanted.add(x);
    }
  }

  /**
   * Moves to the next branch: the deepest decision with a wanted option not explored yet and
   * within {@code bound} chooses it, and the path ends there. False when the search is over.
   */
  boolean advance(int bound) {
    for (int d = size - 1; d >= 0; d--) {
      SearchNode node = nodes[d];
      for (int x = node.wanted.next(0); x >= 0; x = node.wanted.next(x + 1)) {
        if (!eligible(node, x)) continue;
        if (!node.inBound(x, bound)) {
          pruned = true;
          continue;
        }
        node.choose(x);
        size = d + 1;
        prefix = d + 1;
        return true;
      }
    }
    size = 0;
    prefix = 0;
    return false;
  }

  /**
   * The share of the search tree's leaves covered so far, with each decision's branches weighted
   * equally (as a random probe from the root would reach them): finished sibling subtrees of the
   * path, plus the leaf just reached. The number of leaves seen divided by it is the weighted
   * backtrack estimate of the tree's size (Knuth 1975; Kilby et al. 2006): exact once the search
   * is over, and the better the more branches are known.
   */
  double coveredMass(int bound) {
    double probability = 1;
    double mass = 0;
    for (int d = 0; d < size; d++) {
      SearchNode node = nodes[d];
      int explored = node.done.size();
      int branches = explored;
      for (int x = node.wanted.next(0); x >= 0; x = node.wanted.next(x + 1)) {
        if (eligible(node, x) && node.inBound(x, bound)) branches++;
      }
      mass += probability * (explored - 1) / branches;
      probability /= branches;
    }
    return mass + probability;
  }

  private static boolean eligible(SearchNode node, int option) {
    if (node.done.contains(option)) return false;
    return node.type == SearchNode.Type.VALUE || node.split || node.allows(option);
  }
}
