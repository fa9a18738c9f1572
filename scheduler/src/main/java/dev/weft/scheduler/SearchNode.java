package dev.weft.scheduler;

/**
 * One decision on the path of the systematic search: which thread runs next, or which value a
 * {@link SchedulingStrategy#pickInt} returns. Holds what is needed to replay the decision, to
 * check that the replay reached the same state, and to choose the next branch to explore.
 * Reused from execution to execution.
 */
final class SearchNode {
  enum Type { THREAD, VALUE }

  Type type;
  /** The enabled threads, or the values {@code [0, bound)}. */
  final IdSet options = new IdSet();
  /** Options explored here, or being explored (the chosen one). */
  final IdSet done = new IdSet();
  /** Options to explore here: asked by races, by a free decision, or shared out to a shard. */
  final IdSet wanted = new IdSet();
  /** For a split node: all options shared out among the shards, in order. */
  final IdSet shared = new IdSet();
  /** Whether switching here is free: no thread could go on (see {@link SystematicStrategy}). */
  boolean free;
  /**
   * The thread that had just reported spinning, or -1: not run again here while another thread
   * can run, since spinning twice in a row changes nothing (the fairness rule of CHESS and Fray).
   */
  int spun;

  /** The {@code current} the runtime passed, to check replays. */
  int current;
  /** The thread that could go on, or -1 when switching here is free (it blocked, ended, spun). */
  int runner;
  /** Preemptions before this decision. */
  int cost;
  /** For a value decision, the bound. */
  int bound;

  int chosen;
  /** What the chosen thread's step touched, once seen: a replay must see the same. */
  int chosenObject;
  StepKind chosenKind;
  boolean chosenStepKnown;

  /** Whether the options are shared out among shards here (see {@link ShardSplit}). */
  boolean split;
  /** The shard group entering this node. */
  int groupIndex;
  int groupCount;

  void reset(Type newType) {
    type = newType;
    options.clear();
    done.clear();
    wanted.clear();
    shared.clear();
    free = false;
    spun = -1;
    current = -1;
    runner = -1;
    cost = 0;
    bound = 0;
    chosen = -1;
    chosenObject = NextSteps.NO_OBJECT;
    chosenKind = StepKind.LOCAL;
    chosenStepKnown = false;
    split = false;
    groupIndex = 0;
    groupCount = 1;
  }

  /** Whether {@code option} may be explored here (a spinner only if nothing else can run). */
  boolean allows(int option) {
    return options.contains(option) && (option != spun || options.size() == 1);
  }

  /** Whether choosing {@code option} here preempts the runner. */
  boolean preempts(int option) {
    return type == Type.THREAD && runner >= 0 && option != runner;
  }

  /** Whether choosing {@code option} keeps the schedule within {@code bound} preemptions. */
  boolean inBound(int option, int bound) {
    return bound < 0 || cost + (preempts(option) ? 1 : 0) <= bound;
  }

  void choose(int option) {
    chosen = option;
    done.add(option);
    chosenStepKnown = false;
  }
}
