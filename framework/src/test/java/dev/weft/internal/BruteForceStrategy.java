package dev.weft.internal;

import dev.weft.scheduler.NextSteps;
import dev.weft.scheduler.SchedulingStrategy;
import dev.weft.scheduler.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference the systematic search is checked against on the real runtime: every sequence of
 * choices, depth first, no reduction, optionally within a preemption bound. Preemptions are
 * counted as {@code RecordingStrategy} counts them, and a thread that has just spun does not run
 * again while another can (the fairness rule every strategy here follows, without which a spin
 * loop has infinitely many schedules). Only for small programs.
 *
 * <p>It also names each execution's class of schedules up to reordering of independent steps
 * ({@link #traceOfLastExecution}), canonically, so that a test can count the classes a space has.
 */
final class BruteForceStrategy implements SchedulingStrategy {
  /** One decision on the current path. */
  private static final class Decision {
    final boolean thread;
    final int[] options;
    final int runner;
    final int costBefore;
    int index;

    Decision(boolean thread, int[] options, int runner, int costBefore) {
      this.thread = thread;
      this.options = options;
      this.runner = runner;
      this.costBefore = costBefore;
    }

    int cost(int option) {
      return thread && runner >= 0 && options[option] != runner ? 1 : 0;
    }
  }

  private final int bound;
  private final List<Decision> path = new ArrayList<>();
  private int prefix;
  private int depth;
  private int cost;
  private int spinner = -1;
  private boolean diverged;
  private boolean ended;
  private NextSteps view = NextSteps.UNKNOWN;
  private final Map<Integer, Integer> stepsOfThread = new TreeMap<>();
  private final Map<Integer, List<String>> accesses = new TreeMap<>();
  private final List<String> values = new ArrayList<>();
  private String lastEvent = "";

  /** @param bound the most preemptions, or -1 for any number */
  BruteForceStrategy(int bound) {
    this.bound = bound;
  }

  /** Preemptions of the last execution. */
  int preemptionsOfLastExecution() {
    return cost;
  }

  /** Whether a replayed prefix led elsewhere: the program is not deterministic given its choices. */
  boolean diverged() {
    return diverged;
  }

  /**
   * The last execution's class of schedules: per object, the order of its accesses with the reads
   * between two writes as a set, each access named by its thread and the step's number in that
   * thread; objects are named by their accesses (the runtime numbers them in the order an
   * execution first meets them), so the name does not change when independent steps are swapped.
   */
  String traceOfLastExecution() {
    TreeSet<String> objects = new TreeSet<>();
    for (List<String> sequence : accesses.values()) objects.add(String.join(" ", sequence));
    return objects + " values " + values;
  }

  @Override
  public boolean hasNextExecution() {
    return !ended;
  }

  @Override
  public void startExecution(int executionIndex) {
    depth = 0;
    cost = 0;
    spinner = -1;
    stepsOfThread.clear();
    accesses.clear();
    values.clear();
  }

  @Override
  public void useNextSteps(NextSteps nextSteps) {
    view = nextSteps;
  }

  @Override
  public void onThreadCreated(int threadId) {}

  @Override
  public void onSpin(int threadId) {
    spinner = threadId;
  }

  @Override
  public int pickThread(int[] enabled, int count, int current) {
    int spun = spinner;
    spinner = -1;
    int runner = current >= 0 && current != spun ? current : -1;
    int[] options = allowed(enabled, count, spun);
    int chosen;
    if (options.length == 1) {
      chosen = options[0];
    } else {
      Decision d = decision(true, options, runner);
      chosen = d.options[d.index];
      cost += d.cost(d.index);
    }
    record(chosen);
    return chosen;
  }

  @Override
  public int pickInt(int bound) {
    if (bound <= 1) return 0;
    int[] options = new int[bound];
    for (int i = 0; i < bound; i++) options[i] = i;
    Decision d = decision(false, options, -1);
    values.add(lastEvent + "=" + d.index);
    return d.index;
  }

  @Override
  public void finishExecution(int steps) {
    if (depth < prefix) diverged = true;
    for (int d = path.size() - 1; d >= 0; d--) {
      Decision decision = path.get(d);
      for (int next = decision.index + 1; next < decision.options.length; next++) {
        if (bound >= 0 && decision.costBefore + decision.cost(next) > bound) continue;
        decision.index = next;
        while (path.size() > d + 1) path.remove(path.size() - 1);
        prefix = d + 1;
        return;
      }
    }
    ended = true;
  }

  /** The decision at the current depth: the replayed one, or a new one at its first option. */
  private Decision decision(boolean thread, int[] options, int runner) {
    Decision d;
    if (depth < prefix) {
      d = path.get(depth);
      if (d.thread != thread || !java.util.Arrays.equals(d.options, options)) {
        diverged = true;
        throw new IllegalStateException("brute force: the program did not reach the same state"
            + " under the same choices at decision " + depth);
      }
    } else {
      d = new Decision(thread, options, runner, cost);
      // The first option within the bound: running on costs nothing, so one always is.
      while (bound >= 0 && cost + d.cost(d.index) > bound) d.index++;
      while (path.size() > depth) path.remove(path.size() - 1);
      path.add(d);
    }
    depth++;
    return d;
  }

  /** The enabled threads, without one that has just spun while another can run. */
  private static int[] allowed(int[] enabled, int count, int spun) {
    int n = 0;
    int[] options = new int[count];
    for (int i = 0; i < count; i++) {
      if (enabled[i] != spun || count == 1) options[n++] = enabled[i];
    }
    return java.util.Arrays.copyOf(options, n);
  }

  private void record(int thread) {
    int n = stepsOfThread.merge(thread, 1, Integer::sum);
    lastEvent = "T" + thread + "." + n;
    int object = view.objectOf(thread);
    StepKind kind = view.kindOf(thread);
    if (object == NextSteps.NO_OBJECT || kind == StepKind.LOCAL) return;
    List<String> sequence = accesses.computeIfAbsent(object, o -> new ArrayList<>());
    if (kind == StepKind.READ) {
      // Reads since the last write are a set: kept sorted in the last "{...}" entry.
      if (!sequence.isEmpty() && sequence.get(sequence.size() - 1).startsWith("{")) {
        String run = sequence.remove(sequence.size() - 1);
        TreeSet<String> reads = new TreeSet<>(List.of(run.substring(1, run.length() - 1)
            .split(",")));
        reads.add(lastEvent);
        sequence.add("{" + String.join(",", reads) + "}");
      } else {
        sequence.add("{" + lastEvent + "}");
      }
    } else {
      sequence.add(lastEvent);
    }
  }
}
