package dev.weft.internal.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The calls of one scenario with their outcomes and real-time order, sorted by start: the value a
 * checker works on and a report renders. Immutable.
 */
public final class History {
  /** Calls a history may hold: the checker keeps sets of calls in one {@code long}. */
  public static final int MAX_CALLS = 64;

  private final String objectType;
  private final int threads;
  private final List<Call> calls;

  /**
   * @param objectType what was tested, for reports (such as {@code Counter})
   * @param threads threads of the scenario, some possibly without calls
   * @param calls the calls in any order; they are sorted by start
   */
  public History(String objectType, int threads, List<Call> calls) {
    this.objectType = Objects.requireNonNull(objectType, "objectType");
    if (calls.size() > MAX_CALLS) {
      throw new IllegalArgumentException("a history holds at most " + MAX_CALLS + " calls, not "
          + calls.size());
    }
    List<Call> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparingInt(Call::start));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start() == sorted.get(i - 1).start()) {
        throw new IllegalArgumentException("two calls start at position " + sorted.get(i).start());
      }
    }
    for (Call c : sorted) {
      if (c.thread() >= threads) {
        throw new IllegalArgumentException("call on thread " + c.thread() + " of " + threads);
      }
    }
    this.threads = threads;
    this.calls = List.copyOf(sorted);
  }

  public String objectType() {
    return objectType;
  }

  public int threads() {
    return threads;
  }

  /** The calls sorted by start; a call's index here is its id in sets of calls. */
  public List<Call> calls() {
    return calls;
  }

  public int size() {
    return calls.size();
  }

  public Call call(int id) {
    return calls.get(id);
  }

  /** Number of threads that made at least one call. */
  public int activeThreads() {
    boolean[] seen = new boolean[threads];
    int count = 0;
    for (Call c : calls) {
      if (!seen[c.thread()]) {
        seen[c.thread()] = true;
        count++;
      }
    }
    return count;
  }

  /** {@code caller-2}: the name of scenario thread {@code thread}, as the threads are named. */
  public static String threadName(int thread) {
    return "caller-" + (thread + 1);
  }

  /** The calls with their threads, outcomes and positions, for debugging and error messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(objectType).append(" history:");
    for (Call c : calls) sb.append(' ').append(threadName(c.thread())).append(' ').append(c);
    return sb.toString();
  }
}
