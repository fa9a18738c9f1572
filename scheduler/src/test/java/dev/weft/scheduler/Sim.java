package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only model of a concurrent program, driven the way the controlled runtime drives a
 * {@link SchedulingStrategy}: threads are lists of steps over shared integer variables; before
 * every step the strategy picks one of the enabled threads (ascending ids), with {@code current}
 * the thread that ran the previous step if it can go on and -1 otherwise.
 */
final class Sim {
  private Sim() {}

  /** Shared variables, per-thread registers and the failure flag. */
  static final class State {
    final int[] vars;
    final int[][] regs;
    String failure;

    State(int vars, int threads) {
      this.vars = new int[vars];
      this.regs = new int[threads][4];
    }

    void fail(String why) {
      failure = why;
    }
  }

  interface Action {
    void run(State s, int thread);
  }

  interface ChoiceAction {
    void run(State s, int thread, int choice);
  }

  interface Condition {
    boolean test(State s);
  }

  enum Kind { RUN, BLOCK_UNTIL, SPIN_UNTIL, CHOOSE }

  /** One step of a thread; what makes it a scheduling point is that a pick precedes it. */
  static final class Step {
    final Kind kind;
    final Condition condition;
    final Action action;
    final ChoiceAction choiceAction;
    final int bound;

    private Step(Kind kind, Condition condition, Action action, ChoiceAction choiceAction,
        int bound) {
      this.kind = kind;
      this.condition = condition;
      this.action = action;
      this.choiceAction = choiceAction;
      this.bound = bound;
    }
  }

  static Step run(Action action) {
    return new Step(Kind.RUN, null, action, null, 0);
  }

  static Step local() {
    return run((s, t) -> {});
  }

  /** The thread is not enabled until {@code condition} holds; then {@code action} runs atomically. */
  static Step blockUntil(Condition condition, Action action) {
    return new Step(Kind.BLOCK_UNTIL, condition, action, null, 0);
  }

  /** Busy-waits: re-checks {@code condition} each time it runs and reports a spin if false. */
  static Step spinUntil(Condition condition) {
    return new Step(Kind.SPIN_UNTIL, condition, (s, t) -> {}, null, 0);
  }

  /** Asks the strategy for an int in {@code [0, bound)} (like choosing which waiter to notify). */
  static Step choose(int bound, ChoiceAction action) {
    return new Step(Kind.CHOOSE, null, null, action, bound);
  }

  /** What one execution did. */
  static final class Outcome {
    final int[] trace;
    final int steps;
    final State state;
    final boolean deadlock;
    final boolean stepLimit;
    final boolean failed;

    Outcome(int[] trace, int steps, State state, boolean deadlock, boolean stepLimit,
        boolean failed) {
      this.trace = trace;
      this.steps = steps;
      this.state = state;
      this.deadlock = deadlock;
      this.stepLimit = stepLimit;
      this.failed = failed;
    }

    int var(int index) {
      return state.vars[index];
    }

    /** Switches between threads in the trace, free or not. */
    int switches() {
      int n = 0;
      for (int i = 1; i < trace.length; i++) {
        if (trace[i] != trace[i - 1]) n++;
      }
      return n;
    }

    @Override
    public String toString() {
      return "Outcome{trace=" + Arrays.toString(trace) + ", failed=" + failed + ", deadlock="
          + deadlock + ", stepLimit=" + stepLimit + ", vars=" + Arrays.toString(state.vars) + "}";
    }
  }

  /** Builds a program thread by thread. */
  static final class Builder {
    private final int vars;
    private final List<List<Step>> threads = new ArrayList<>();
    private Condition failsAtEnd = s -> false;

    Builder(int vars) {
      this.vars = vars;
    }

    Builder thread(Step... steps) {
      threads.add(List.of(steps));
      return this;
    }

    Builder thread(List<Step> steps) {
      threads.add(List.copyOf(steps));
      return this;
    }

    /** A check on the final state of an execution that ran to the end. */
    Builder failsAtEnd(Condition condition) {
      failsAtEnd = condition;
      return this;
    }

    Program build() {
      Step[][] steps = new Step[threads.size()][];
      for (int i = 0; i < steps.length; i++) steps[i] = threads.get(i).toArray(new Step[0]);
      return new Program(vars, steps, failsAtEnd, true);
    }
  }

  static Builder program(int vars) {
    return new Builder(vars);
  }

  /** A program: immutable, can be executed any number of times. */
  static final class Program {
    static final int DEFAULT_MAX_STEPS = 10_000;
    private final int vars;
    private final Step[][] threads;
    private final Condition failsAtEnd;
    private final boolean spinHints;

    private Program(int vars, Step[][] threads, Condition failsAtEnd, boolean spinHints) {
      this.vars = vars;
      this.threads = threads;
      this.failsAtEnd = failsAtEnd;
      this.spinHints = spinHints;
    }

    /** The same program on a runtime that never tells the strategy about spinning. */
    Program withoutSpinHints() {
      return new Program(vars, threads, failsAtEnd, false);
    }

    int threadCount() {
      return threads.length;
    }

    Outcome run(SchedulingStrategy strategy) {
      return run(strategy, 0, DEFAULT_MAX_STEPS);
    }

    /** One execution, framed by startExecution/finishExecution like the runtime does. */
    Outcome run(SchedulingStrategy strategy, int executionIndex, int maxSteps) {
      int n = threads.length;
      State state = new State(vars, n);
      int[] pc = new int[n];
      int[] enabled = new int[n];
      int[] trace = new int[16];
      int steps = 0;
      int last = -1;
      boolean lastSpun = false;
      strategy.startExecution(executionIndex);
      for (int t = 0; t < n; t++) strategy.onThreadCreated(t);
      boolean deadlock = false;
      boolean stepLimit = false;
      while (true) {
        int count = 0;
        boolean anyLeft = false;
        for (int t = 0; t < n; t++) {
          if (pc[t] >= threads[t].length) continue;
          anyLeft = true;
          if (isEnabled(threads[t][pc[t]], state)) enabled[count++] = t;
        }
        if (!anyLeft) break;
        if (count == 0) {
          deadlock = true;
          break;
        }
        if (steps == maxSteps) {
          stepLimit = true;
          break;
        }
        int current = last >= 0 && contains(enabled, count, last) ? last : -1;
        if (lastSpun && spinHints) strategy.onSpin(last);
        int chosen = strategy.pickThread(enabled, count, current);
        if (!contains(enabled, count, chosen)) {
          throw new AssertionError("strategy picked T" + chosen + " but only "
              + Arrays.toString(Arrays.copyOf(enabled, count)) + " are enabled");
        }
        if (steps == trace.length) trace = Arrays.copyOf(trace, steps * 2);
        trace[steps++] = chosen;
        lastSpun = execute(strategy, threads[chosen][pc[chosen]], state, chosen);
        if (!lastSpun) pc[chosen]++;
        last = chosen;
        if (state.failure != null) break;
      }
      strategy.finishExecution(steps);
      boolean completed = !deadlock && !stepLimit && state.failure == null;
      boolean failed = state.failure != null || (completed && failsAtEnd.test(state));
      return new Outcome(Arrays.copyOf(trace, steps), steps, state, deadlock, stepLimit, failed);
    }

    private static boolean isEnabled(Step step, State state) {
      return step.kind != Kind.BLOCK_UNTIL || step.condition.test(state);
    }

    /** Runs one step; true if it was a spin that has to be repeated. */
    private static boolean execute(SchedulingStrategy strategy, Step step, State state, int t) {
      switch (step.kind) {
        case SPIN_UNTIL:
          return !step.condition.test(state);
        case CHOOSE:
          int choice = step.bound > 1 ? strategy.pickInt(step.bound) : 0;
          if (choice < 0 || choice >= step.bound) {
            throw new AssertionError("pickInt(" + step.bound + ") returned " + choice);
          }
          step.choiceAction.run(state, t, choice);
          return false;
        default:
          step.action.run(state, t);
          return false;
      }
    }

    private static boolean contains(int[] enabled, int count, int thread) {
      for (int i = 0; i < count; i++) {
        if (enabled[i] == thread) return true;
      }
      return false;
    }
  }
}
