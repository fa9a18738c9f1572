package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only model of a concurrent program, driven the way the controlled runtime drives a
 * {@link SchedulingStrategy}: threads are lists of steps over shared integer variables; before
 * every step the strategy picks one of the enabled threads (ascending ids), with {@code current}
 * the thread that ran the previous step if it can go on and -1 otherwise.
 *
 * <p>Like the runtime, the simulator tells the strategy what every thread does next through a live
 * {@link NextSteps} view: each step declares the object it touches (a variable index, or
 * {@link #threadObject} for a join) and how ({@link StepKind}). Declared steps are checked as they
 * run: a step that touches a variable it did not declare, or writes one it declared as read, fails
 * the test, so a strategy that trusts the declarations is tested on true ones. Steps built with
 * {@link #run} or the other undeclared factories declare nothing useful (a SYNC on
 * {@link #UNDECLARED}) and are for the strategies that ignore the view.
 */
final class Sim {
  /** The object undeclared steps name: they conflict with each other only. */
  static final int UNDECLARED = 1_000_000;
  private static final int THREAD_OBJECTS = 10_000;

  private Sim() {}

  /** The object a join on thread {@code thread} synchronizes on. */
  static int threadObject(int thread) {
    return THREAD_OBJECTS + thread;
  }

  /** Shared variables, per-thread registers and the failure flag. */
  static final class State {
    final int[] vars;
    final int[][] regs;
    String failure;
    private Step checking;

    State(int vars, int threads) {
      this.vars = new int[vars];
      this.regs = new int[threads][4];
    }

    /** Reads a shared variable; checked against the running step's declaration. */
    int get(int var) {
      check(var, false);
      return vars[var];
    }

    /** Writes a shared variable; checked against the running step's declaration. */
    void set(int var, int value) {
      check(var, true);
      vars[var] = value;
    }

    void fail(String why) {
      failure = why;
    }

    private void check(int var, boolean write) {
      Step step = checking;
      if (step == null || step.object == UNDECLARED) return;
      boolean fits = step.object == var && step.stepKind != StepKind.LOCAL
          && (!write || step.stepKind != StepKind.READ);
      if (!fits) {
        throw new AssertionError("a step declared " + step.stepKind + " of object " + step.object
            + (write ? " writes" : " reads") + " x" + var);
      }
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

  enum Kind { RUN, BLOCK_UNTIL, SPIN_UNTIL, CHOOSE, JOIN }

  /** One step of a thread; what makes it a scheduling point is that a pick precedes it. */
  static final class Step {
    final Kind kind;
    final Condition condition;
    final Action action;
    final ChoiceAction choiceAction;
    final int bound;
    final int object;
    final StepKind stepKind;

    private Step(Kind kind, Condition condition, Action action, ChoiceAction choiceAction,
        int bound, int object, StepKind stepKind) {
      this.kind = kind;
      this.condition = condition;
      this.action = action;
      this.choiceAction = choiceAction;
      this.bound = bound;
      this.object = object;
      this.stepKind = stepKind;
    }

    private static Step of(Kind kind, Condition condition, Action action, int object,
        StepKind stepKind) {
      return new Step(kind, condition, action, null, 0, object, stepKind);
    }
  }

  /** An undeclared step: see the class comment. */
  static Step run(Action action) {
    return Step.of(Kind.RUN, null, action, UNDECLARED, StepKind.SYNC);
  }

  /** A step that touches nothing shared. */
  static Step local() {
    return Step.of(Kind.RUN, null, (s, t) -> {}, NextSteps.NO_OBJECT, StepKind.LOCAL);
  }

  /** A step that reads {@code var} (and nothing else shared). */
  static Step read(int var, Action action) {
    return Step.of(Kind.RUN, null, action, var, StepKind.READ);
  }

  /** A step that writes {@code var}, and may read it. */
  static Step write(int var, Action action) {
    return Step.of(Kind.RUN, null, action, var, StepKind.WRITE);
  }

  /** An atomic read-modify-write of {@code var}. */
  static Step update(int var, Action action) {
    return Step.of(Kind.RUN, null, action, var, StepKind.SYNC);
  }

  /** Takes the lock held in {@code var} (0 when free, the owner's id + 1 when held). */
  static Step acquire(int var) {
    return Step.of(Kind.BLOCK_UNTIL, s -> s.vars[var] == 0, (s, me) -> s.set(var, me + 1), var,
        StepKind.SYNC);
  }

  /** Releases the lock held in {@code var}. */
  static Step release(int var) {
    return update(var, (s, me) -> s.set(var, 0));
  }

  /** Undeclared: not enabled until {@code condition} holds, then {@code action} runs atomically. */
  static Step blockUntil(Condition condition, Action action) {
    return Step.of(Kind.BLOCK_UNTIL, condition, action, UNDECLARED, StepKind.SYNC);
  }

  /** Blocks until {@code condition} holds, then syncs on {@code object} with {@code action}. */
  static Step blockUntil(int object, Condition condition, Action action) {
    return Step.of(Kind.BLOCK_UNTIL, condition, action, object, StepKind.SYNC);
  }

  /** Waits until thread {@code thread} has run all its steps (like {@code Thread.join}). */
  static Step join(int thread) {
    // The joined thread's own steps do not name this object: as in a runtime that does not make
    // the end of a thread a step, only the join's becoming enabled tells the strategy about it.
    return new Step(Kind.JOIN, null, (s, t) -> {}, null, thread, threadObject(thread),
        StepKind.SYNC);
  }

  /** Undeclared busy-wait: re-checks {@code condition} each time it runs, a spin if false. */
  static Step spinUntil(Condition condition) {
    return Step.of(Kind.SPIN_UNTIL, condition, (s, t) -> {}, UNDECLARED, StepKind.SYNC);
  }

  /** Busy-waits reading {@code var} until {@code condition} holds. */
  static Step spinUntil(int var, Condition condition) {
    return Step.of(Kind.SPIN_UNTIL, condition, (s, t) -> {}, var, StepKind.READ);
  }

  /** Undeclared: asks the strategy for an int in {@code [0, bound)} (which waiter to wake...). */
  static Step choose(int bound, ChoiceAction action) {
    return new Step(Kind.CHOOSE, null, null, action, bound, UNDECLARED, StepKind.SYNC);
  }

  /** Asks the strategy for an int in {@code [0, bound)}, then writes {@code var} with it. */
  static Step choose(int var, int bound, ChoiceAction action) {
    return new Step(Kind.CHOOSE, null, null, action, bound, var, StepKind.WRITE);
  }

  /** What one execution did. */
  static final class Outcome {
    final int[] trace;
    final int steps;
    final State state;
    final boolean deadlock;
    final boolean stepLimit;
    final boolean failed;
    /** The execution up to reordering of independent steps (see {@link ScheduleClasses}). */
    final long partialOrder;

    Outcome(int[] trace, int steps, State state, boolean deadlock, boolean stepLimit,
        boolean failed, long partialOrder) {
      this.trace = trace;
      this.steps = steps;
      this.state = state;
      this.deadlock = deadlock;
      this.stepLimit = stepLimit;
      this.failed = failed;
      this.partialOrder = partialOrder;
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

    /**
     * Everything the execution computed: the shared variables, every register and how it ended.
     * Two executions that differ only in the order of independent steps have the same one.
     */
    String finalState() {
      return Arrays.toString(state.vars) + Arrays.deepToString(state.regs)
          + (failed ? " failed" : "") + (deadlock ? " deadlock" : "");
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

    /** Whether every step declares what it touches, as partial-order strategies need. */
    boolean declared() {
      for (Step[] thread : threads) {
        for (Step step : thread) {
          if (step.object == UNDECLARED) return false;
        }
      }
      return true;
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
      ScheduleClasses order = new ScheduleClasses();
      strategy.startExecution(executionIndex);
      strategy.useNextSteps(new View(threads, pc));
      for (int t = 0; t < n; t++) strategy.onThreadCreated(t);
      boolean deadlock = false;
      boolean stepLimit = false;
      while (true) {
        int count = 0;
        boolean anyLeft = false;
        for (int t = 0; t < n; t++) {
          if (pc[t] >= threads[t].length) continue;
          anyLeft = true;
          if (isEnabled(threads[t][pc[t]], state, pc)) enabled[count++] = t;
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
        Step step = threads[chosen][pc[chosen]];
        order.step(chosen, step.object, step.stepKind);
        lastSpun = execute(strategy, step, state, chosen, order);
        if (!lastSpun) pc[chosen]++;
        last = chosen;
        if (state.failure != null) break;
      }
      strategy.finishExecution(steps);
      boolean completed = !deadlock && !stepLimit && state.failure == null;
      boolean failed = state.failure != null || (completed && failsAtEnd.test(state));
      return new Outcome(Arrays.copyOf(trace, steps), steps, state, deadlock, stepLimit, failed,
          order.signature());
    }

    private boolean isEnabled(Step step, State state, int[] pc) {
      if (step.kind == Kind.JOIN) return pc[step.bound] >= threads[step.bound].length;
      return step.kind != Kind.BLOCK_UNTIL || step.condition.test(state);
    }

    /** Runs one step; true if it was a spin that has to be repeated. */
    private static boolean execute(SchedulingStrategy strategy, Step step, State state, int t,
        ScheduleClasses order) {
      state.checking = step;
      try {
        switch (step.kind) {
          case SPIN_UNTIL:
            return !step.condition.test(state);
          case CHOOSE:
            int choice = step.bound > 1 ? strategy.pickInt(step.bound) : 0;
            if (choice < 0 || choice >= step.bound) {
              throw new AssertionError("pickInt(" + step.bound + ") returned " + choice);
            }
            if (step.bound > 1) order.value(choice);
            step.choiceAction.run(state, t, choice);
            return false;
          default:
            step.action.run(state, t);
            return false;
        }
      } finally {
        state.checking = null;
      }
    }

    private static boolean contains(int[] enabled, int count, int thread) {
      for (int i = 0; i < count; i++) {
        if (enabled[i] == thread) return true;
      }
      return false;
    }
  }

  /** The live view of every thread's next step, as the runtime gives it. */
  private static final class View implements NextSteps {
    private final Step[][] threads;
    private final int[] pc;

    View(Step[][] threads, int[] pc) {
      this.threads = threads;
      this.pc = pc;
    }

    @Override
    public int objectOf(int thread) {
      return pc[thread] < threads[thread].length ? threads[thread][pc[thread]].object
          : NextSteps.NO_OBJECT;
    }

    @Override
    public StepKind kindOf(int thread) {
      return pc[thread] < threads[thread].length ? threads[thread][pc[thread]].stepKind
          : StepKind.LOCAL;
    }
  }
}
