package dev.weft.scheduler;

import java.util.Arrays;

/**
 * Maps the object ids of one execution ({@link NextSteps#objectOf}) to dense indices 0, 1, 2, ...
 * in the order they are first added, so per-object state can live in arrays whatever the ids
 * look like. Open addressing; {@link #clear} is O(1), by generation, so that an execution starts
 * without touching the table.
 */
final class ObjectIndex {
  private int[] keys = new int[64];
  private int[] values = new int[64];
  private int[] generation = new int[64];
  private int current = 1;
  private int size;

  void clear() {
    size = 0;
    if (++current == Integer.MAX_VALUE) {
      Arrays.fill(generation, 0);
      current = 1;
    }
  }

  /** Number of objects added since the last {@link #clear}. */
  int size() {
    return size;
  }

  /** The dense index of {@code key}, or -1 if it was not added in this execution. */
  int find(int key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; generation[i] == current; i = (i + 1) & mask) {
      if (keys[i] == key) return values[i];
    }
    return -1;
  }

  /** The dense index of {@code key}, adding it with the next index if it is new. */
  int add(int key) {
    if (2 * (size + 1) > keys.length) grow();
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    for (; generation[i] == current; i = (i + 1) & mask) {
      if (keys[i] == key) return values[i];
    }
    generation[i] = current;
    keys[i] = key;
    values[i] = size;
    return size++;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    int[] oldGeneration = generation;
    int live = current;
    keys = new int[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    generation = new int[oldKeys.length * 2];
    current = 1;
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldGeneration[j] != live) continue;
      int i = mix(oldKeys[j]) & mask;
      while (generation[i] == current) i = (i + 1) & mask;
      generation[i] = current;
      keys[i] = oldKeys[j];
      values[i] = oldValues[j];
    }
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
