package dev.weft.scheduler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010).
 *
 * <p>Each thread gets a random priority when it is created and the highest-priority enabled
 * thread always runs. At {@code depth - 1} random steps of the execution the running thread's
 * priority drops below every initial priority. A bug that needs {@code d} ordering constraints is
 * found with probability at least {@code 1 / (n * k^(d-1))} per execution for {@code n} threads
 * and {@code k} steps.
 *
 * <p><b>Where the change points go.</b> The bound holds only if the change points fall within
 * the program: {@code k} must be its length, not a guess. Execution 0 runs on priorities alone and
 * measures it; every later execution draws its change points uniformly in {@code [1, k]} for that
 * measured {@code k}. (A guess of 64 steps put most change points past the end of a 12-step
 * program, so those executions tested nothing but a priority order.) Fixing {@code k} from
 * execution 0 also makes execution {@code i} a function of the seed and {@code i} alone, which is
 * what sharding needs.
 *
 * <p><b>Depth.</b> With a fixed depth every execution aims at {@code depth - 1} change points. The
 * adaptive strategy ({@link #adaptive}) spreads its executions over the depths 1 to {@code
 * maxDepth} in turn: a bug that needs one ordering constraint is spoiled by change points it does
 * not need, one that needs three is missed without them, and the user rarely knows which.
 *
 * <p><b>Spinning.</b> Strict priorities starve a thread that spins waiting for a lower-priority
 * one, so a spinning thread is moved below every other thread (the "fair PCT" refinement): spin
 * loops then cost a few steps instead of the whole step budget.
 */
public final class PctStrategy implements SchedulingStrategy {
  /** Depth that finds most real bugs (two or three ordering constraints) quickly. */
  public static final int DEFAULT_DEPTH = 3;
  /**
   * The deepest depth {@link #PctStrategy(long)} tries. On the scheduler's test corpus, cycling
   * through 1 to 4 found every bug, one that needs three preemptions included, while cycling
   * through 1 to 3 missed that one in 3,000 executions for the other bugs' small gain (see the
   * module README).
   */
  public static final int DEFAULT_MAX_DEPTH = 4;

  private final long seed;
  private final int maxDepth;
  private final boolean adaptive;
  private final Shard shard;
  private final int assumedLength;
  private SplittableRandom random;
  private long[] priority = new long[16];
  private int[] changePoints = new int[0];
  private int nextChangePoint;
  private long lowestPriority;
  private int step;
  private int measuredLength;
  private boolean measuring;

  /**
   * Fixed depth, unsharded.
   *
   * @param seed the exploration seed; each execution derives its own from it
   * @param depth number of ordering constraints aimed at (1 or more); each execution after the
   *     first gets {@code depth - 1} priority change points
   */
  public PctStrategy(long seed, int depth) {
    this(seed, depth, false, Shard.ALL, 0);
  }

  /** Adaptive up to {@value #DEFAULT_MAX_DEPTH}, unsharded: the default PCT. */
  public PctStrategy(long seed) {
    this(seed, DEFAULT_MAX_DEPTH, true, Shard.ALL, 0);
  }

  /**
   * PCT whose executions go through the depths 1 to {@code maxDepth} in turn.
   *
   * @param seed the exploration seed
   * @param maxDepth the largest depth tried, 1 or more
   * @param shard the part of the exploration to run (see {@link #executionIndex})
   */
  public static PctStrategy adaptive(long seed, int maxDepth, Shard shard) {
    return new PctStrategy(seed, maxDepth, true, shard, 0);
  }

  /** PCT at a fixed depth, for one shard of the exploration. */
  public static PctStrategy fixedDepth(long seed, int depth, Shard shard) {
    return new PctStrategy(seed, depth, false, shard, 0);
  }

  /**
   * @param assumedLength 0 to measure the length; more to assume it instead of measuring, as the
   *     placement before the fix did with its guess of 64 (for tests that compare the two)
   */
  PctStrategy(long seed, int depth, boolean adaptive, Shard shard, int assumedLength) {
    if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1: " + depth);
    this.seed = seed;
    this.maxDepth = depth;
    this.adaptive = adaptive;
    this.shard = java.util.Objects.requireNonNull(shard, "shard");
    this.assumedLength = assumedLength;
    this.random = new SplittableRandom(seed);
  }

  /**
   * The exploration-wide index of this shard's execution number {@code local}. Execution 0
   * measures the program's length, so every shard runs it first; the others are shared out:
   * shard {@code i} of {@code n} runs {@code 1 + i}, {@code 1 + i + n}, {@code 1 + i + 2n}, ...
   * The union over the shards is the unsharded run, execution 0 counted once.
   */
  public int executionIndex(int local) {
    return local == 0 ? 0 : 1 + shard.index() + (local - 1) * shard.count();
  }

  /** The depth execution {@code index} (exploration-wide) aims at. */
  int depthOf(int index) {
    if (index == 0 && assumedLength == 0) return 1;
    return adaptive ? 1 + (index - 1) % maxDepth : maxDepth;
  }

  @Override
  public void startExecution(int executionIndex) {
    int index = executionIndex(executionIndex);
    random = new SplittableRandom(Seeds.forExecution(seed, index));
    measuring = index == 0 && assumedLength == 0;
    int length = assumedLength > 0 ? assumedLength : Math.max(1, measuredLength);
    changePoints = new int[depthOf(index) - 1];
    for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + random.nextInt(length);
    Arrays.sort(changePoints);
    nextChangePoint = 0;
    lowestPriority = 0;
    step = 0;
  }

  @Override
  public void onThreadCreated(int threadId) {
    if (threadId >= priority.length) {
      priority = Arrays.copyOf(priority, Math.max(threadId + 1, priority.length * 2));
    }
    // Initial priorities lie above every value a change point or a spin hint assigns.
    priority[threadId] = maxDepth + (random.nextLong() >>> 2);
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    step++;
    while (nextChangePoint < changePoints.length && changePoints[nextChangePoint] <= step) {
      // Only ever lowers: a spinner already demoted below every change point must stay there.
      if (current >= 0) {
        priority[current] = Math.min(priority[current], maxDepth - 1 - nextChangePoint);
      }
      nextChangePoint++;
    }
    int best = enabled[0];
    for (int i = 1; i < count; i++) {
      int t = enabled[i];
      if (priority[t] > priority[best]) best = t;
    }
    return best;
  }

  @Override
  public int pickInt(int bound) {
    return bound <= 1 ? 0 : random.nextInt(bound);
  }

  @Override
  public void onSpin(int threadId) {
    if (threadId < priority.length) priority[threadId] = --lowestPriority;
  }

  @Override
  public void finishExecution(int steps) {
    if (measuring) measuredLength = steps;
  }
}
