package dev.weft.scheduler;

import java.util.Arrays;

/**
 * A run's choices cut into segments: maximal stretches in which one thread keeps being picked,
 * each with the non-thread choices its steps made (those follow the thread decision they belong
 * to). Shrinking moves the steps of a thread between its segments rather than deleting choices,
 * because every thread then still makes the same progress, only in another order: the failure is
 * far more likely to survive a reordering than a loss of steps.
 *
 * <p>Non-thread choices before the first thread decision form a segment of thread -1 that is
 * never moved.
 */
final class Segments {
  private final int[] choices;
  private final int[] starts;
  private final int[] threads;
  /** Per choice, whether it is a thread decision (a step starts there). */
  private final boolean[] stepStart;

  Segments(FailingRun run) {
    choices = run.schedule().choices();
    int n = choices.length;
    stepStart = new boolean[n];
    int[] s = new int[n + 1];
    int[] t = new int[n + 1];
    int count = 0;
    for (int i = 0; i < n; i++) {
      stepStart[i] = run.runningBefore(i) != RecordingStrategy.NOT_A_THREAD_DECISION;
      int thread = stepStart[i] ? choices[i] : (count == 0 ? -1 : t[count - 1]);
      if (count == 0 || thread != t[count - 1]) {
        s[count] = i;
        t[count] = thread;
        count++;
      }
    }
    s[count] = n;
    starts = Arrays.copyOf(s, count + 1);
    threads = Arrays.copyOf(t, count);
  }

  int count() {
    return threads.length;
  }

  int thread(int segment) {
    return threads[segment];
  }

  int start(int segment) {
    return starts[segment];
  }

  int end(int segment) {
    return starts[segment + 1];
  }

  int length() {
    return choices.length;
  }

  /** Index of the segment that starts at choice {@code index}, or -1. */
  int segmentStartingAt(int index) {
    int k = Arrays.binarySearch(starts, 0, threads.length, index);
    return k >= 0 ? k : -1;
  }

  /** The next segment of the same thread after {@code segment}, or -1. */
  int nextOfThread(int segment) {
    for (int k = segment + 1; k < threads.length; k++) {
      if (threads[k] == threads[segment]) return k;
    }
    return -1;
  }

  /** The previous segment of the same thread before {@code before}, or -1. */
  int previousOfThread(int thread, int before) {
    for (int k = before - 1; k >= 0; k--) {
      if (threads[k] == thread) return k;
    }
    return -1;
  }

  /** Number of steps (thread decisions) in the segment. */
  int steps(int segment) {
    int steps = 0;
    for (int i = start(segment); i < end(segment); i++) {
      if (stepStart[i]) steps++;
    }
    return steps;
  }

  /**
   * Choice index where step {@code step} of the segment starts; the segment's end for
   * {@code step == steps(segment)}.
   */
  int stepStart(int segment, int step) {
    int seen = 0;
    for (int i = start(segment); i < end(segment); i++) {
      if (stepStart[i] && seen++ == step) return i;
    }
    return end(segment);
  }

  /** Appends choices {@code [from, to)} of the run to {@code out}. */
  void copy(int from, int to, ChoiceBuilder out) {
    out.append(choices, from, to);
  }

  /** The choices with {@code times} copies of {@code value} inserted before choice {@code at}. */
  int[] inserted(int at, int value, int times) {
    return new ChoiceBuilder(choices.length + times).append(choices, 0, at).repeat(value, times)
        .append(choices, at, choices.length).build();
  }

  /** The choices with {@code [from, to)} moved to just before choice {@code at} (outside it). */
  int[] moved(int from, int to, int at) {
    ChoiceBuilder out = new ChoiceBuilder(choices.length);
    if (at <= from) {
      out.append(choices, 0, at).append(choices, from, to).append(choices, at, from);
    } else {
      out.append(choices, 0, from).append(choices, to, at).append(choices, from, to);
    }
    return out.append(choices, Math.max(to, at), choices.length).build();
  }

  /** Appends the whole segment to {@code out}. */
  void copySegment(int segment, ChoiceBuilder out) {
    out.append(choices, start(segment), end(segment));
  }
}
