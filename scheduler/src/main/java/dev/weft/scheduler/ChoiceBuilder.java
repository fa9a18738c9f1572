package dev.weft.scheduler;

import java.util.Arrays;

/** Assembles a candidate's choices from pieces of a run's choices. */
final class ChoiceBuilder {
  private int[] data;
  private int size;

  ChoiceBuilder(int capacity) {
    data = new int[Math.max(capacity, 16)];
  }

  ChoiceBuilder append(int[] source, int from, int to) {
    int n = to - from;
    if (size + n > data.length) data = Arrays.copyOf(data, Math.max(size + n, data.length * 2));
    System.arraycopy(source, from, data, size, n);
    size += n;
    return this;
  }

  ChoiceBuilder repeat(int value, int times) {
    if (size + times > data.length) {
      data = Arrays.copyOf(data, Math.max(size + times, data.length * 2));
    }
    Arrays.fill(data, size, size + times, value);
    size += times;
    return this;
  }

  int[] build() {
    return Arrays.copyOf(data, size);
  }
}
