package dev.weft.scheduler;

import java.util.Objects;

/**
 * The default strategy: a {@link SystematicStrategy} while the space of schedules is small, and a
 * sampler once it turns out not to be.
 *
 * <p>The first {@code head} executions are all the systematic search's: a small program's space
 * is explored to its end there, fewest preemptions first, so a small correct test ends with
 * "explored all N schedules" and a small bug is found with its simplest schedule. If the search
 * has not ended by then, the space is big: from then on the executions alternate between the
 * search and the sampler, so that the sampler's strength (bugs among many threads, which a
 * depth-first search reaches last) costs at most twice its own executions while the search goes
 * on. When the search ends without having explored everything ({@link SearchProgress#complete}
 * false: its preemption bound cut some schedules), the sampler gets every execution left; when it
 * explored everything, so does this strategy.
 *
 * <p>Which execution went to which part depends only on the execution's number and on the
 * search's own progress, so with a seeded sampler the whole strategy is deterministic.
 */
public final class AutoStrategy implements SchedulingStrategy {
  /** Executions the search has to itself before the sampler gets its share. */
  public static final int DEFAULT_HEAD = 100;

  private final SystematicStrategy search;
  private final SchedulingStrategy sampler;
  private final int head;
  private SchedulingStrategy current;
  private boolean currentIsSearch;
  private int searchExecutions;
  private int samplerExecutions;
  private NextSteps view = NextSteps.UNKNOWN;

  /**
   * @param search the systematic part
   * @param sampler the sampling part; its executions are numbered 0, 1, 2, ... of its own
   * @param head executions the search has to itself, 0 or more
   */
  public AutoStrategy(SystematicStrategy search, SchedulingStrategy sampler, int head) {
    if (head < 0) throw new IllegalArgumentException("a negative head: " + head);
    this.search = Objects.requireNonNull(search, "search");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.head = head;
    this.current = search;
    this.currentIsSearch = true;
  }

  /** The systematic part's progress. */
  public SearchProgress progress() {
    return search.progress();
  }

  /** Executions the sampler ran. */
  public int samplerExecutions() {
    return samplerExecutions;
  }

  /** Whether the last execution started was the systematic search's. */
  public boolean lastExecutionSystematic() {
    return currentIsSearch;
  }

  @Override
  public boolean hasNextExecution() {
    return !search.progress().complete();
  }

  @Override
  public void startExecution(int executionIndex) {
    currentIsSearch = searchTakesNext();
    current = currentIsSearch ? search : sampler;
    current.startExecution(currentIsSearch ? searchExecutions++ : samplerExecutions++);
    current.useNextSteps(view);
  }

  private boolean searchTakesNext() {
    if (!search.hasNextExecution()) return false;
    if (searchExecutions < head) return true;
    // Past the head: every other execution, the sampler's first.
    return samplerExecutions > searchExecutions - head;
  }

  @Override
  public void useNextSteps(NextSteps nextSteps) {
    view = nextSteps;
    current.useNextSteps(nextSteps);
  }

  @Override
  public void onThreadCreated(int threadId) {
    current.onThreadCreated(threadId);
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    return this.current.pickThread(enabled, count, current);
  }

  @Override
  public int pickInt(int bound) {
    return current.pickInt(bound);
  }

  @Override
  public void onSpin(int threadId) {
    current.onSpin(threadId);
  }

  @Override
  public void finishExecution(int steps) {
    current.finishExecution(steps);
  }
}
