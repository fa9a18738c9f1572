package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference the systematic search is checked against: every schedule of a simulated program,
 * no reduction, optionally within a preemption bound (counted as {@link RecordingStrategy} counts
 * them), with the same fairness rule for spinners (one that has just spun does not run again while
 * another thread can). Only for small programs.
 */
final class BruteForce implements SchedulingStrategy {
  private final int bound;
  private final List<int[]> decisions = new ArrayList<>();
  private int prefix;
  private int depth;
  private int cost;
  private int spinner = -1;

  private BruteForce(int bound) {
    this.bound = bound;
  }

  /** What every schedule within {@code bound} preemptions (-1: any) computes. */
  static Result explore(Sim.Program program, int bound) {
    BruteForce search = new BruteForce(bound);
    Result result = new Result();
    do {
      Sim.Outcome outcome = program.run(search, result.executions, 10_000);
      result.executions++;
      result.add(outcome, search.cost);
      if (result.executions > 2_000_000) throw new AssertionError("too big for brute force");
    } while (search.advance());
    return result;
  }

  /** Final states reached, each with the fewest preemptions that reach it. */
  static final class Result {
    final Map<String, Integer> fewestPreemptions = new TreeMap<>();
    int executions;
    int fewestToFail = -1;

    void add(Sim.Outcome outcome, int preemptions) {
      fewestPreemptions.merge(outcome.finalState(), preemptions, Math::min);
      boolean failure = outcome.failed || outcome.deadlock;
      if (failure && (fewestToFail < 0 || preemptions < fewestToFail)) {
        fewestToFail = preemptions;
      }
    }
  }

  private boolean advance() {
    for (int d = decisions.size() - 1; d >= 0; d--) {
      int[] decision = decisions.get(d);
      // {kind (0 thread, 1 value), chosen index, option count, cost before, runner, options...}
      for (int next = decision[1] + 1; next < decision[2]; next++) {
        if (decision[0] == 0 && bound >= 0 && decision[3] + preemption(decision, next) > bound) {
          continue;
        }
        decision[1] = next;
        while (decisions.size() > d + 1) decisions.remove(decisions.size() - 1);
        prefix = d + 1;
        return true;
      }
    }
    return false;
  }

  private static int preemption(int[] decision, int index) {
    return decision[4] >= 0 && decision[5 + index] != decision[4] ? 1 : 0;
  }

  @Override
  public void startExecution(int executionIndex) {
    depth = 0;
    cost = 0;
    spinner = -1;
  }

  @Override
  public void onThreadCreated(int threadId) {}

  @Override
  public int pickThread(int[] all, int allCount, int current) {
    int runner = current >= 0 && current != spinner ? current : -1;
    int[] enabled = all;
    int count = allCount;
    if (spinner >= 0 && allCount > 1) {
      enabled = new int[allCount - 1];
      count = 0;
      for (int i = 0; i < allCount; i++) {
        if (all[i] != spinner) enabled[count++] = all[i];
      }
    }
    spinner = -1;
    int[] decision;
    if (depth < prefix) {
      decision = decisions.get(depth);
      if (!Arrays.equals(Arrays.copyOfRange(decision, 5, decision.length),
          Arrays.copyOf(enabled, count))) {
        throw new AssertionError("the simulator is not deterministic");
      }
    } else {
      decision = new int[5 + count];
      decision[2] = count;
      decision[3] = cost;
      decision[4] = runner;
      System.arraycopy(enabled, 0, decision, 5, count);
      decision[1] = 0;
      while (bound >= 0 && cost + preemption(decision, decision[1]) > bound) decision[1]++;
      decisions.add(decision);
    }
    depth++;
    int index = decision[1];
    cost += preemption(decision, index);
    return decision[5 + index];
  }

  @Override
  public int pickInt(int bound) {
    if (bound <= 1) return 0;
    int[] decision;
    if (depth < prefix) {
      decision = decisions.get(depth);
    } else {
      decision = new int[] {1, 0, bound, cost, -1};
      decisions.add(decision);
    }
    depth++;
    return decision[1];
  }

  @Override
  public void onSpin(int threadId) {
    spinner = threadId;
  }

  @Override
  public void finishExecution(int steps) {}
}
