package dev.weft.internal.linearizability;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the calls of a running scenario. Written by the scenario's threads while they run:
 * under Weft exactly one of them runs at a time and every hand-over of the turn is a
 * happens-before edge, so plain fields are safe and the counter gives an exact real-time order.
 * Plain arrays, not collections: a JDK collection would be tracked by the race detector on every
 * call.
 */
final class HistoryRecorder {
  private final List<Operation> operations;
  private final int[] threads;
  private final int[] ops;
  private final Integer[] arguments;
  private final int[] starts;
  private final int[] ends;
  private final Outcome[] outcomes;
  private int size;
  private int clock;

  HistoryRecorder(List<Operation> operations, int capacity) {
    this.operations = operations;
    threads = new int[capacity];
    ops = new int[capacity];
    arguments = new Integer[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    outcomes = new Outcome[capacity];
  }

  /** A call starts now; returns its id for {@link #end}. */
  int begin(int thread, int operation, Integer argument) {
    int id = size++;
    threads[id] = thread;
    ops[id] = operation;
    arguments[id] = argument;
    starts[id] = clock++;
    return id;
  }

  /** Call {@code id} returned or threw now. */
  void end(int id, Outcome outcome) {
    ends[id] = clock++;
    outcomes[id] = outcome;
  }

  /** The finished calls as a history (all calls finish: the threads were joined). */
  History history(String objectType, int threadCount) {
    List<Call> calls = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (outcomes[i] == null) {
        throw new IllegalStateException("call " + i + " of the scenario never returned");
      }
      calls.add(new Call(threads[i], ops[i], operations.get(ops[i]).name(), arguments[i],
          starts[i], ends[i], outcomes[i]));
    }
    return new History(objectType, threadCount, calls);
  }
}
