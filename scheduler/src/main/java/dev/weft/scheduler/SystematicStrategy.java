package dev.weft.scheduler;

/**
 * Explores every schedule of a program, up to reordering of independent steps, within a
 * preemption bound: a stateless model checker that proves a small test correct or finds its
 * simplest failing schedule.
 *
 * <p><b>Partial-order reduction.</b> Dynamic partial-order reduction (Flanagan and Godefroid,
 * POPL 2005) over {@link NextSteps#dependent}: after each step, every thread's next step (blocked
 * threads included) is checked against the steps it races with ({@link RaceFinder}), and the
 * search later runs that thread first there. Threads that never interact give one schedule, not
 * the product of their lengths. A step that makes another thread able to run (a join becoming
 * possible, a lock freed) is ordered before that thread's next step, and one that stops a thread
 * from running races with it, whatever the view says: blocking is handled even where the
 * runtime's view does not name it. A runtime that gives no view ({@link NextSteps#UNKNOWN}) gets
 * no reduction: every step is treated as dependent, which is slow but never misses a schedule.
 *
 * <p><b>Iterative preemption bounding.</b> The search runs in passes: all schedules with at most 0
 * preemptions, then 1, then 2, ... up to {@code preemptionBound} ({@link #UNBOUNDED}: until a
 * pass that the bound cut nowhere). A preemption is a switch away from a thread that could have
 * gone on and had not just reported spinning, as {@link RecordingStrategy} counts them. So the
 * first failure found has the fewest preemptions of any failing schedule, and a pass that the
 * bound cut nowhere ends the search early: it explored the whole space. Pruning DPOR by a bound
 * naively is unsound, because the bound makes independent steps dependent (Coons, Musuvathi,
 * McKinley, "Bounded partial-order reduction", OOPSLA 2013). As there, every race also asks for
 * its thread at the latest context switch before the racing step, where running it costs no
 * extra preemption; and every decision where switching is free (no thread could go on) explores
 * all enabled threads, since moving an independent step there can make later switches free.
 * Sleep sets are not used: under a bound they lose schedules (a schedule equivalent to one below
 * an earlier sibling may lie within the bound here and beyond it there). Some executions are
 * therefore equivalent to earlier ones; each pass counts the distinct schedules it explored
 * ({@link ScheduleClasses}), so they never inflate the count.
 *
 * <p><b>Choices.</b> Every {@link #pickInt} (which waiter a notify wakes, a scenario the test
 * draws) is a branch point whose values are all explored.
 *
 * <p><b>Determinism.</b> No seed, no randomness: the same program gives the same executions in the
 * same order, and the same count, in every JVM. The execution index is not used.
 *
 * <p><b>Divergence.</b> The search replays a prefix of decisions and expects the program to reach
 * the same state. When it does not (the enabled threads, the step a thread takes or the options
 * of a choice differ, or the execution ends early), the execution runs on without exploring, the
 * same prefix is tried up to {@value #REPLAY_ATTEMPTS} times in all, and then given up and counted
 * in {@link SearchProgress#divergences()}; such a search never reports itself exhausted.
 *
 * <p><b>Sharding.</b> With a {@link Shard}, the first decisions that branch are shared out among
 * the shards ({@link ShardSplit}) and explored in full, without reduction, so that the subtrees
 * below them are independent: the shards explore disjoint sets of schedules that together cover
 * the same schedules, up to reordering of independent steps, as the unsharded search.
 *
 * <p>Not thread-safe; one exploration per instance. The pick path allocates nothing once the
 * search's arrays have grown to the program's size.
 */
public final class SystematicStrategy implements SchedulingStrategy {
  /** The bound {@link #SystematicStrategy()} uses: most real bugs need at most two preemptions. */
  public static final int DEFAULT_PREEMPTION_BOUND = 2;
  /** A preemption bound of no limit. */
  public static final int UNBOUNDED = -1;
  /** Executions tried for one prefix whose replay diverges before it is given up. */
  public static final int REPLAY_ATTEMPTS = 3;

  private enum Mode {
    /** Following the search: replaying the prefix, then extending it. */
    EXPLORING,
    /** This shard owns nothing below: run to the end. */
    NOT_OWNED,
    /** The replay did not reach the recorded state: run to the end, retry or give up. */
    DIVERGED,
    /** The search is over; executions the caller still runs explore nothing. */
    ENDED
  }

  private static final NextSteps ALL_DEPENDENT = new NextSteps() {
    @Override
    public int objectOf(int thread) {
      return 0;
    }

    @Override
    public StepKind kindOf(int thread) {
      return StepKind.SYNC;
    }
  };

  private final int maxBound;
  private final Shard shard;
  private final SearchPath path = new SearchPath();
  private final RaceFinder races = new RaceFinder();
  private final ScheduleClasses classes = new ScheduleClasses();
  private final RaceFinder.Sink raceSink = this::reverse;
  private final IdSet enabledNow = new IdSet();
  private final IdSet laterNonLocal = new IdSet();
  private final IdSet laterStep = new IdSet();
  private NextSteps view = ALL_DEPENDENT;

  private int bound;
  private boolean ended;
  private boolean exhausted;
  private boolean complete;
  private int passSchedules;
  private long executions;
  private int divergences;
  /** Where the first prefix given up left its path; null while none was. */
  private Divergence firstDivergence;
  /** Where this execution's replay left its path; null while it has not. */
  private Divergence attemptDivergence;
  private int attempts;
  private long estimate;
  private int completedBound = -1;
  private int completedSchedules;
  private boolean lastOwned;

  private Mode mode = Mode.EXPLORING;
  private int depth;
  private int cost;
  private int spinner;
  private int groupIndex;
  private int groupCount;

  /** All schedules with at most {@value #DEFAULT_PREEMPTION_BOUND} preemptions, unsharded. */
  public SystematicStrategy() {
    this(DEFAULT_PREEMPTION_BOUND, Shard.ALL);
  }

  /**
   * @param preemptionBound the most preemptions a schedule may have, 0 or more, or {@link
   *     #UNBOUNDED}
   */
  public SystematicStrategy(int preemptionBound) {
    this(preemptionBound, Shard.ALL);
  }

  /**
   * @param preemptionBound the most preemptions a schedule may have, 0 or more, or {@link
   *     #UNBOUNDED}
   * @param shard the part of the search to explore
   */
  public SystematicStrategy(int preemptionBound, Shard shard) {
    if (preemptionBound < UNBOUNDED) {
      throw new IllegalArgumentException("a preemption bound is 0 or more, or -1 for unbounded: "
          + preemptionBound);
    }
    this.maxBound = preemptionBound;
    this.shard = java.util.Objects.requireNonNull(shard, "shard");
  }

  /** How far the search got; see {@link SearchProgress}. */
  public SearchProgress progress() {
    long estimated = exhausted ? passSchedules : Math.max(estimate, passSchedules);
    return new SearchProgress(ended, exhausted, complete, bound, maxBound, passSchedules,
        executions, estimated, divergences, java.util.Optional.ofNullable(firstDivergence), shard,
        completedBound, completedSchedules);
  }

  @Override
  public boolean hasNextExecution() {
    return !ended;
  }

  /**
   * Whether the last finished execution followed this search's tree in this shard: false when it
   * diverged from its replayed prefix, when it ran after the search ended, and when it reached a
   * schedule another shard owns (only where a program branches too little to share out).
   */
  public boolean lastExecutionOwned() {
    return lastOwned;
  }

  @Override
  public void startExecution(int executionIndex) {
    mode = ended ? Mode.ENDED : Mode.EXPLORING;
    depth = 0;
    cost = 0;
    spinner = -1;
    groupIndex = shard.index();
    groupCount = shard.count();
    races.reset();
    classes.reset();
  }

  @Override
  public void useNextSteps(NextSteps nextSteps) {
    view = nextSteps == null || nextSteps == NextSteps.UNKNOWN ? ALL_DEPENDENT : nextSteps;
  }

  @Override
  public void onThreadCreated(int threadId) {
    races.threadCreated(threadId);
  }

  @Override
  public void onSpin(int threadId) {
    spinner = threadId;
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    int spun = spinner;
    spinner = -1;
    if (mode != Mode.EXPLORING) return runOn(enabled, count, current, spun);
    enabledNow.setTo(enabled, count);
    if (races.hasPendingStep()) {
      races.commit(path.get(races.nodeOf(races.steps() - 1)).options, enabledNow);
    }
    int chosen;
    if (depth < path.prefix()) {
      chosen = replayThread(enabled, count, current);
    } else {
      findRaces();
      chosen = extendThread(enabled, count, current, spun);
    }
    if (chosen < 0) return runOn(enabled, count, current, spun);
    SearchNode node = path.get(depth);
    races.addStep(chosen, node.chosenObject, node.chosenKind, depth);
    classes.step(chosen, node.chosenObject, node.chosenKind);
    if (node.preempts(chosen)) cost++;
    enterChild(node);
    depth++;
    return chosen;
  }

  @Override
  public int pickInt(int bound) {
    if (bound <= 1 || mode != Mode.EXPLORING) return 0;
    SearchNode node;
    if (depth < path.prefix()) {
      node = path.get(depth);
      if (node.type != SearchNode.Type.VALUE || node.bound != bound) {
        diverged(Divergence.Kind.CHOICE, node.type == SearchNode.Type.VALUE
            ? "a choice among " + node.bound : "a thread switch", "a choice among " + bound);
        return 0;
      }
    } else {
      node = path.append(SearchNode.Type.VALUE);
      node.bound = bound;
      node.options.setRange(bound);
      if (!splitHere(node)) node.wanted.setTo(node.options);
      node.choose(node.wanted.next(0));
    }
    enterChild(node);
    classes.value(node.chosen);
    depth++;
    return node.chosen;
  }

  @Override
  public void finishExecution(int steps) {
    lastOwned = false;
    if (mode == Mode.ENDED) return;
    executions++;
    if (mode == Mode.EXPLORING && depth < path.prefix()) {
      diverged(Divergence.Kind.ENDED_EARLY, path.prefix() + " decisions",
          depth + " decisions, " + steps + " steps");
    }
    if (mode == Mode.EXPLORING && races.hasPendingStep()) {
      // Threads left at the end (after a failure, a deadlock, the step limit) may race with the
      // last step; which threads it enabled is not known, so only the view's dependence counts.
      IdSet before = path.get(races.nodeOf(races.steps() - 1)).options;
      races.commit(before, before);
      findRaces();
    }
    if (mode == Mode.EXPLORING) expandFreeDecisions();
    if (mode == Mode.DIVERGED) {
      if (++attempts < REPLAY_ATTEMPTS) return;
      divergences++;
      if (firstDivergence == null) firstDivergence = attemptDivergence;
      path.truncate(path.prefix());
    } else if (mode == Mode.EXPLORING && (groupCount == 1 || groupIndex == 0)) {
      lastOwned = true;
      if (classes.addCurrent()) passSchedules++;
      double mass = path.coveredMass(bound);
      estimate = mass > 0 ? (long) Math.min(Long.MAX_VALUE, Math.ceil(passSchedules / mass))
          : Long.MAX_VALUE;
    }
    attempts = 0;
    if (!path.advance(bound)) nextPass();
  }

  /** The search's pass ended: raise the bound if it cut anything and may grow, else stop. */
  private void nextPass() {
    boolean pruned = path.pruned();
    completedBound = bound;
    completedSchedules = passSchedules;
    if (pruned && (maxBound == UNBOUNDED || bound < maxBound)) {
      bound++;
      path.clear();
      classes.clearSeen();
      passSchedules = 0;
      estimate = 0;
      return;
    }
    ended = true;
    exhausted = divergences == 0;
    complete = exhausted && !pruned;
  }

  /**
   * The replay left the recorded path here: the execution runs on unexplored, and the place is
   * kept for the report should the prefix be given up. Text is built only here, which is rare.
   */
  private void diverged(Divergence.Kind kind, String recorded, String replayed) {
    mode = Mode.DIVERGED;
    attemptDivergence = new Divergence(depth, kind, recorded, replayed);
  }

  private static String threads(int current, String enabled) {
    return (current < 0 ? "no thread running" : "T" + current + " running") + ", enabled: "
        + enabled;
  }

  private static String enabledText(int[] enabled, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) sb.append(i == 0 ? "T" : ", T").append(enabled[i]);
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static String threadsText(IdSet threads) {
    StringBuilder sb = new StringBuilder();
    for (int t = threads.next(0); t >= 0; t = threads.next(t + 1)) {
      sb.append(sb.length() == 0 ? "T" : ", T").append(t);
    }
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static String step(int thread, StepKind kind, int object) {
    return "T" + thread + " to take a " + kind + " step on object " + object;
  }

  private void findRaces() {
    for (int p = 0; p < races.threads(); p++) {
      races.findRaces(p, view.objectOf(p), view.kindOf(p), raceSink);
    }
  }

  /** A decision of the replayed prefix: the recorded one, if the program is where it was. */
  private int replayThread(int[] enabled, int count, int current) {
    SearchNode node = path.get(depth);
    if (node.type != SearchNode.Type.THREAD || node.current != current
        || !node.options.sameAs(enabled, count)) {
      diverged(Divergence.Kind.THREADS, node.type == SearchNode.Type.THREAD
          ? threads(node.current, threadsText(node.options)) : "a choice among " + node.bound,
          threads(current, enabledText(enabled, count)));
      return -1;
    }
    int object = view.objectOf(node.chosen);
    StepKind kind = view.kindOf(node.chosen);
    if (node.chosenStepKnown && (object != node.chosenObject || kind != node.chosenKind)) {
      diverged(Divergence.Kind.STEP, step(node.chosen, node.chosenKind, node.chosenObject),
          step(node.chosen, kind, object));
      return -1;
    }
    recordStep(node, object, kind);
    return node.chosen;
  }

  /**
   * A decision beyond the prefix: a new node and the default choice, which keeps running the
   * thread that can go on, else the lowest enabled thread other than one that has just spun.
   */
  private int extendThread(int[] enabled, int count, int current, int spun) {
    SearchNode node = path.append(SearchNode.Type.THREAD);
    node.options.setTo(enabled, count);
    node.current = current;
    node.runner = current >= 0 && current != spun ? current : -1;
    node.spun = spun;
    node.cost = cost;
    int chosen;
    if (splitHere(node)) {
      chosen = firstOwnedInBound(node);
      if (chosen < 0) {
        // Nothing of this shard's lies here within the bound: run on, exploring nothing.
        path.removeLast();
        mode = Mode.NOT_OWNED;
        return -1;
      }
    } else {
      node.free = node.runner < 0;
      chosen = node.runner;
      for (int t = node.options.next(0); chosen < 0; t = node.options.next(t + 1)) {
        if (node.allows(t)) chosen = t;
      }
    }
    node.choose(chosen);
    recordStep(node, view.objectOf(chosen), view.kindOf(chosen));
    return chosen;
  }

  /**
   * Asks, at every free decision this execution made, for each thread it allows, except those
   * whose every later step was local: such a thread does the same in every schedule and can run
   * last at no cost, so trying it first there finds nothing new. Every other thread is tried:
   * running an independent step first where switching is free can make later switches free, a
   * schedule plain DPOR misses under a bound.
   */
  private void expandFreeDecisions() {
    laterNonLocal.clear();
    laterStep.clear();
    for (int k = races.steps() - 1; k >= 0; k--) {
      int t = races.threadOf(k);
      laterStep.add(t);
      if (races.kindOf(k) != StepKind.LOCAL) laterNonLocal.add(t);
      int d = races.nodeOf(k);
      SearchNode node = path.get(d);
      if (!node.free || d < path.prefix()) continue;
      for (int q = node.options.next(0); q >= 0; q = node.options.next(q + 1)) {
        boolean localToTheEnd = laterStep.contains(q) && !laterNonLocal.contains(q)
            && view.kindOf(q) == StepKind.LOCAL && view.objectOf(q) == NextSteps.NO_OBJECT;
        if (!localToTheEnd && node.allows(q)) node.wanted.add(q);
      }
    }
  }

  /**
   * Whether {@code node} is a decision that shards share out: one that branches while the shard
   * group is still larger than one. It then explores all its options within the bound, so that no
   * shard's races ever need to add a branch there.
   */
  private boolean splitHere(SearchNode node) {
    node.groupIndex = groupIndex;
    node.groupCount = groupCount;
    if (groupCount == 1) return false;
    // All options, whatever the bound: a schedule must have the same owner in every pass.
    for (int x = node.options.next(0); x >= 0; x = node.options.next(x + 1)) {
      if (node.type == SearchNode.Type.VALUE || node.allows(x)) node.shared.add(x);
    }
    if (node.shared.size() < 2) {
      node.shared.clear();
      return false;
    }
    node.split = true;
    ShardSplit.owned(node.shared, groupIndex, groupCount, node.wanted);
    return true;
  }

  /** The first option this shard owns at split {@code node} within the bound, or -1. */
  private int firstOwnedInBound(SearchNode node) {
    for (int x = node.wanted.next(0); x >= 0; x = node.wanted.next(x + 1)) {
      if (node.inBound(x, bound)) return x;
      path.markPruned();
    }
    return -1;
  }

  /** Moves the shard group below the option {@code node} chose. */
  private void enterChild(SearchNode node) {
    if (!node.split) return;
    int options = node.shared.size();
    int j = node.shared.rank(node.chosen);
    groupIndex = ShardSplit.indexBelow(options, node.groupIndex, node.groupCount);
    groupCount = ShardSplit.countBelow(options, j, node.groupCount);
  }

  private static void recordStep(SearchNode node, int object, StepKind kind) {
    node.chosenObject = object;
    node.chosenKind = kind;
    node.chosenStepKnown = true;
  }

  /** A race: try {@code thread} before {@code step}, and at the context switch before it. */
  private void reverse(int step, int thread) {
    path.want(races.nodeOf(step), thread);
    int earlier = races.switchBefore(step);
    if (earlier >= 0) path.want(races.nodeOf(earlier), thread);
  }

  /** How a run that explores nothing goes on: like a lenient replay, without preemptions. */
  private static int runOn(int[] enabled, int count, int current, int spun) {
    if (current >= 0 && current != spun) return current;
    if (current >= 0) {
      for (int i = 0; i < count; i++) {
        if (enabled[i] > current) return enabled[i];
      }
    }
    return enabled[0];
  }
}
