package dev.weft.scheduler;

import java.util.Arrays;

/** A growable list of ints, cleared and refilled from execution to execution without allocating. */
final class IntList {
  private int[] items = new int[4];
  private int size;

  void add(int value) {
    if (size == items.length) items = Arrays.copyOf(items, size * 2);
    items[size++] = value;
  }

  int get(int index) {
    return items[index];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }
}
