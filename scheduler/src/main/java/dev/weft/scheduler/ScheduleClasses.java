package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Counts the distinct schedules of a search up to reordering of independent steps (their
 * Mazurkiewicz traces), by a signature of each execution that does not change when independent
 * steps are swapped: per object, the order of its accesses, with the reads between two writes
 * taken as a set; each step named by its thread and its number in that thread; the values of the
 * choices made during steps. A 64-bit hash: two different schedules share one with negligible
 * probability.
 *
 * <p>Objects enter the signature through their accesses alone, not through their numbers: the
 * runtime numbers objects in the order an execution first meets them, so two schedules that only
 * reorder independent steps (two threads each touching its own object first) give one object two
 * numbers. An object's access sequence names it well enough, since each step touches one object.
 */
final class ScheduleClasses {
  private static final long ORDER = 0x9E3779B97F4A7C15L;

  private final ObjectIndex objects = new ObjectIndex();
  private long[] sequence = new long[8];
  private long[] readRun = new long[8];
  private int[] seq = new int[8];
  private int threads;
  private long values;
  private int lastThread = -1;
  private int choiceInStep;

  private long[] seen = new long[64];
  private int seenCount;

  /** Starts an execution. */
  void reset() {
    for (int o = 0; o < objects.size(); o++) {
      sequence[o] = 0;
      readRun[o] = 0;
    }
    objects.clear();
    Arrays.fill(seq, 0, threads, 0);
    threads = 0;
    values = 0;
    lastThread = -1;
  }

  /** Thread {@code thread} takes its next step, on {@code object}. */
  void step(int thread, int object, StepKind kind) {
    if (thread >= seq.length) seq = Arrays.copyOf(seq, Math.max(thread + 1, seq.length * 2));
    threads = Math.max(threads, thread + 1);
    long event = Seeds.mix(((long) thread << 32) ^ ++seq[thread]);
    lastThread = thread;
    choiceInStep = 0;
    if (kind == StepKind.LOCAL || object == NextSteps.NO_OBJECT) return;
    int o = objects.add(object);
    if (o >= sequence.length) {
      sequence = Arrays.copyOf(sequence, sequence.length * 2);
      readRun = Arrays.copyOf(readRun, readRun.length * 2);
    }
    if (kind == StepKind.READ) {
      readRun[o] += event;
    } else {
      sequence[o] = (sequence[o] + Seeds.mix(readRun[o])) * ORDER + event;
      readRun[o] = 0;
    }
  }

  /** The running step chose {@code value} (the {@code n}-th choice of that step). */
  void value(int value) {
    long where = ((long) (lastThread + 1) << 40) ^ ((long) seq[Math.max(lastThread, 0)] << 8)
        ^ choiceInStep++;
    values += Seeds.mix(where * ORDER + value);
  }

  /** The signature of the execution so far. */
  long signature() {
    long h = values;
    for (int o = 0; o < objects.size(); o++) {
      h += Seeds.mix((sequence[o] + Seeds.mix(readRun[o])) * ORDER);
    }
    return h == 0 ? 1 : h;
  }

  /** Records the current execution's class; true if no execution of this search had it. */
  boolean addCurrent() {
    long key = signature();
    if (2 * (seenCount + 1) > seen.length) grow();
    int mask = seen.length - 1;
    int i = (int) Seeds.mix(key) & mask;
    for (; seen[i] != 0; i = (i + 1) & mask) {
      if (seen[i] == key) return false;
    }
    seen[i] = key;
    seenCount++;
    return true;
  }

  /** Forgets the classes seen (a new pass). */
  void clearSeen() {
    Arrays.fill(seen, 0);
    seenCount = 0;
  }

  private void grow() {
    long[] old = seen;
    seen = new long[old.length * 2];
    int mask = seen.length - 1;
    for (long key : old) {
      if (key == 0) continue;
      int i = (int) Seeds.mix(key) & mask;
      while (seen[i] != 0) i = (i + 1) & mask;
      seen[i] = key;
    }
  }
}
