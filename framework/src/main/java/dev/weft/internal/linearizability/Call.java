package dev.weft.internal.linearizability;

import java.util.Objects;

/**
 * One call of a history: which thread made it, which operation with which argument, when it
 * started and ended (positions on one counter shared by all threads, so real-time order is exact:
 * under Weft only one thread runs at a time), and its outcome. Immutable.
 *
 * @param thread the scenario thread, 0-based ({@code caller-1} is 0)
 * @param operation index of the operation in the checked object's list
 * @param name the operation's name
 * @param argument the argument, or null for an operation without one
 * @param start position of the call's start
 * @param end position of the call's return, after {@code start}
 * @param outcome what the call returned or threw
 */
public record Call(int thread, int operation, String name, Integer argument, int start, int end,
    Outcome outcome) {

  public Call {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    if (thread < 0) throw new IllegalArgumentException("negative thread " + thread);
    if (end <= start) {
      throw new IllegalArgumentException("a call must end after it starts: " + start + ".." + end);
    }
  }

  /** Whether this call returned before {@code other} started: it must be ordered first. */
  public boolean precedes(Call other) {
    return end < other.start;
  }

  /** {@code push(2) = 1 [3..5]}, for debugging; reports render calls in the report package. */
  @Override
  public String toString() {
    return name + "(" + (argument == null ? "" : argument) + ") " + outcome + " [" + start + ".."
        + end + "]";
  }
}
