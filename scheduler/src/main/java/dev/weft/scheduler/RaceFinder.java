package dev.weft.scheduler;

import java.util.Arrays;

/**
 * The steps of one execution, their happens-before order and the races the systematic search
 * must reverse: the dynamic part of DPOR (Flanagan and Godefroid, POPL 2005).
 *
 * <p>Two steps of different threads are ordered when they are dependent ({@link
 * NextSteps#dependent}), and a step that made another thread able to run (a join becoming
 * possible, a lock freed) comes before that thread's next step: the runtime's view need not name
 * that, so it is observed from the enabled sets. Happens-before is the transitive closure with
 * program order, kept as vector clocks; per object only the last write and the reads since are
 * needed, because every earlier access happens before one of them.
 *
 * <p>A race is an executed step {@code i} and a thread {@code p} whose next step is dependent
 * with it (or was disabled by it) and not ordered after it: some schedule runs {@code p}'s step
 * first. Checking every thread's next step, disabled threads included, makes a blocked lock
 * acquisition race with the acquisition that blocked it.
 */
final class RaceFinder {
  /** Receives the races found. */
  interface Sink {
    /** Thread {@code thread}'s next step should be tried before step {@code step}. */
    void race(int step, int thread);
  }

  private int steps;
  private int[] stepThread = new int[64];
  private int[] stepObject = new int[64];
  private StepKind[] stepKind = new StepKind[64];
  private int[] stepSeq = new int[64];
  private int[] stepNode = new int[64];
  private int[] stepThreads = new int[64];
  private int committed;

  private int threads;
  private int width = 8;
  private int[][] clock = new int[0][];
  private int[][] enabledBy = new int[0][];
  private int[] seq = new int[0];
  private int[] disabledBy = new int[0];
  private int[] handled = new int[0];
  private final IntList createdDuringStep = new IntList();
  private int[] pendingObject = new int[0];
  private StepKind[] pendingKind = new StepKind[0];

  private final ObjectIndex objects = new ObjectIndex();
  private int[] lastWrite = new int[0];
  private int[][] writeClock = new int[0][];
  private int[][] readClock = new int[0][];
  private IntList[] reads = new IntList[0];

  void reset() {
    for (int t = 0; t < threads; t++) {
      Arrays.fill(clock[t], 0);
      Arrays.fill(enabledBy[t], 0);
      seq[t] = 0;
      disabledBy[t] = -1;
      handled[t] = -1;
      pendingKind[t] = null;
    }
    for (int o = 0; o < objects.size(); o++) {
      lastWrite[o] = -1;
      Arrays.fill(writeClock[o], 0);
      Arrays.fill(readClock[o], 0);
      reads[o].clear();
    }
    objects.clear();
    threads = 0;
    steps = 0;
    committed = 0;
    createdDuringStep.clear();
  }

  /**
   * Thread {@code thread} exists. Created during a step, it happens after that step (its clock is
   * set when the step is committed); created before the first step, after nothing.
   */
  void threadCreated(int thread) {
    while (threads <= thread) {
      ensureThreadCapacity(threads + 1);
      disabledBy[threads] = -1;
      handled[threads] = -1;
      pendingKind[threads] = null;
      threads++;
    }
    if (steps > committed) createdDuringStep.add(thread);
  }

  int steps() {
    return steps;
  }

  int threads() {
    return threads;
  }

  int threadOf(int step) {
    return stepThread[step];
  }

  StepKind kindOf(int step) {
    return stepKind[step];
  }

  int nodeOf(int step) {
    return stepNode[step];
  }

  /** Step {@code steps()} is about to run: {@code thread}'s step on {@code object}. */
  void addStep(int thread, int object, StepKind kind, int node) {
    if (steps == stepThread.length) {
      int n = steps * 2;
      stepThread = Arrays.copyOf(stepThread, n);
      stepObject = Arrays.copyOf(stepObject, n);
      stepKind = Arrays.copyOf(stepKind, n);
      stepSeq = Arrays.copyOf(stepSeq, n);
      stepNode = Arrays.copyOf(stepNode, n);
      stepThreads = Arrays.copyOf(stepThreads, n);
    }
    stepThread[steps] = thread;
    stepObject[steps] = object;
    stepKind[steps] = kind;
    stepNode[steps] = node;
    stepThreads[steps] = threads;
    steps++;
  }

  /** Whether a step was added and not yet committed. */
  boolean hasPendingStep() {
    return committed < steps;
  }

  /**
   * The last added step has run: orders it after what it depends on, and records which threads it
   * enabled or disabled ({@code before} and {@code after} are the enabled threads around it).
   */
  void commit(IdSet before, IdSet after) {
    int i = committed++;
    int t = stepThread[i];
    int[] c = clock[t];
    join(c, enabledBy[t]);
    Arrays.fill(enabledBy[t], 0);
    disabledBy[t] = -1;
    handled[t] = -1;
    int o = dependentObject(stepObject[i], stepKind[i]);
    if (o >= 0) {
      join(c, writeClock[o]);
      if (stepKind[i] != StepKind.READ) join(c, readClock[o]);
    }
    c[t] = ++seq[t];
    stepSeq[i] = seq[t];
    if (o >= 0) {
      if (stepKind[i] == StepKind.READ) {
        join(readClock[o], c);
        reads[o].add(i);
      } else {
        System.arraycopy(c, 0, writeClock[o], 0, threads);
        Arrays.fill(readClock[o], 0);
        reads[o].clear();
        lastWrite[o] = i;
      }
    }
    for (int k = 0; k < createdDuringStep.size(); k++) {
      System.arraycopy(c, 0, clock[createdDuringStep.get(k)], 0, threads);
    }
    createdDuringStep.clear();
    for (int p = 0; p < stepThreads[i]; p++) {
      if (p == t || before.contains(p) == after.contains(p)) continue;
      if (after.contains(p)) {
        // p could not run before this step: its next step comes after it.
        join(enabledBy[p], c);
      } else {
        // p could have run before this step, and now cannot: the two race.
        disabledBy[p] = i;
      }
    }
  }

  /**
   * Reports the steps that race with thread {@code p}'s next step ({@code object}, {@code kind}),
   * each once while that step is pending: dependent with it, or the last to disable {@code p}, by
   * another thread, and not ordered before it.
   */
  void findRaces(int p, int object, StepKind kind, Sink sink) {
    if (pendingObject[p] != object || pendingKind[p] != kind) {
      // A new next step (the runtime may change a blocked thread's, as when a waiter is woken).
      pendingObject[p] = object;
      pendingKind[p] = kind;
      handled[p] = -1;
    }
    int from = handled[p];
    int latest = from;
    int o = existingObject(object, kind);
    if (o >= 0) {
      int w = lastWrite[o];
      if (w > from && unordered(w, p)) {
        sink.race(w, p);
        latest = Math.max(latest, w);
      }
      if (kind != StepKind.READ) {
        IntList r = reads[o];
        for (int k = 0; k < r.size(); k++) {
          int read = r.get(k);
          if (read > from && unordered(read, p)) {
            sink.race(read, p);
            latest = Math.max(latest, read);
          }
        }
      }
    }
    int d = disabledBy[p];
    if (d > from && unordered(d, p)) {
      sink.race(d, p);
      latest = Math.max(latest, d);
    }
    handled[p] = latest;
  }

  /**
   * The latest step before {@code step} at which the running thread changed (a context switch,
   * free or not), or the first step; -1 if {@code step} is the first. Running another thread there
   * costs no more preemptions than the schedule already has, which bounded partial-order
   * reduction needs.
   */
  int switchBefore(int step) {
    int s = step - 1;
    while (s > 0 && stepThread[s] == stepThread[s - 1]) s--;
    return s;
  }

  private boolean unordered(int step, int p) {
    int t = stepThread[step];
    return t != p && clock[p][t] < stepSeq[step] && enabledBy[p][t] < stepSeq[step];
  }

  private int dependentObject(int object, StepKind kind) {
    if (kind == StepKind.LOCAL || object == NextSteps.NO_OBJECT) return -1;
    int o = objects.add(object);
    ensureObjectCapacity(o + 1);
    return o;
  }

  private int existingObject(int object, StepKind kind) {
    if (kind == StepKind.LOCAL || object == NextSteps.NO_OBJECT) return -1;
    return objects.find(object);
  }

  private void join(int[] into, int[] from) {
    for (int k = 0; k < threads; k++) {
      if (from[k] > into[k]) into[k] = from[k];
    }
  }

  private void ensureThreadCapacity(int n) {
    if (n > width) {
      width = Math.max(n, width * 2);
      for (int t = 0; t < clock.length; t++) {
        clock[t] = Arrays.copyOf(clock[t], width);
        enabledBy[t] = Arrays.copyOf(enabledBy[t], width);
      }
      for (int o = 0; o < writeClock.length; o++) {
        writeClock[o] = Arrays.copyOf(writeClock[o], width);
        readClock[o] = Arrays.copyOf(readClock[o], width);
      }
    }
    if (n > clock.length) {
      int old = clock.length;
      int size = Math.max(n, old * 2);
      clock = Arrays.copyOf(clock, size);
      enabledBy = Arrays.copyOf(enabledBy, size);
      seq = Arrays.copyOf(seq, size);
      disabledBy = Arrays.copyOf(disabledBy, size);
      handled = Arrays.copyOf(handled, size);
      pendingObject = Arrays.copyOf(pendingObject, size);
      pendingKind = Arrays.copyOf(pendingKind, size);
      for (int t = old; t < size; t++) {
        clock[t] = new int[width];
        enabledBy[t] = new int[width];
      }
    }
  }

  private void ensureObjectCapacity(int n) {
    if (n <= lastWrite.length) return;
    int old = lastWrite.length;
    int size = Math.max(n, Math.max(8, old * 2));
    lastWrite = Arrays.copyOf(lastWrite, size);
    writeClock = Arrays.copyOf(writeClock, size);
    readClock = Arrays.copyOf(readClock, size);
    reads = Arrays.copyOf(reads, size);
    for (int o = old; o < size; o++) {
      lastWrite[o] = -1;
      writeClock[o] = new int[width];
      readClock[o] = new int[width];
      reads[o] = new IntList();
    }
  }
}
