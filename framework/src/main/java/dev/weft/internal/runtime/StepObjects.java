package dev.weft.internal.runtime;

import java.util.Arrays;

/**
 * Numbers the objects that steps of one execution touch, in the order the execution first meets
 * them, so that the same schedule prefix gives the same numbers in every run and every JVM. Objects
 * are keyed by identity, volatile and static fields by their field id (a volatile is one object
 * for all instances, as the happens-before model keys it), plain fields of objects and array
 * elements by their holder and field or index. Number 0 is the shared "library" object of
 * every step whose object the runtime does not see.
 *
 * <p>Asked at every scheduling point, so it allocates nothing but its tables when they grow:
 * objects by open addressing with linear probing, fields (dense ids from the agent's registry) by
 * index; no boxing.
 */
final class StepObjects {
  /** Atomics and java.util.concurrent calls: one object for all, so they all conflict. */
  static final int LIBRARY = 0;

  private Object[] objects = new Object[64];
  private int[] objectNumbers = new int[64];
  private int objectCount;
  /** Plain fields of objects and array elements: a holder and a key (field id, or -1 - index). */
  private Object[] locationHolders = new Object[64];
  private int[] locationKeys = new int[64];
  private int[] locationNumbers = new int[64];
  private int locationCount;
  /** By field id; 0 (the library's number, never a field's) marks a field not met yet. */
  private int[] fieldNumbers = new int[16];
  private int next = LIBRARY + 1;

  /** The number of {@code o}, given now if {@code o} was not met before. */
  int of(Object o) {
    Object[] keys = objects;
    int mask = keys.length - 1;
    int i = spread(System.identityHashCode(o)) & mask;
    while (true) {
      Object k = keys[i];
      if (k == o) return objectNumbers[i];
      if (k == null) break;
      i = (i + 1) & mask;
    }
    int number = next++;
    keys[i] = o;
    objectNumbers[i] = number;
    if (++objectCount * 2 > keys.length) growObjects();
    return number;
  }

  /** The number of the volatile field {@code fieldId}, given now if it was not met before. */
  int ofField(int fieldId) {
    if (fieldId >= fieldNumbers.length) {
      fieldNumbers = Arrays.copyOf(fieldNumbers, Math.max(fieldId + 1,
          fieldNumbers.length * 2));
    }
    int number = fieldNumbers[fieldId];
    if (number == LIBRARY) {
      number = next++;
      fieldNumbers[fieldId] = number;
    }
    return number;
  }

  /**
   * The number of one memory location: field {@code key} of {@code holder}, or element {@code -1
   * - key} of the array {@code holder}. A static field is numbered by {@link #ofField}.
   */
  int ofLocation(Object holder, int key) {
    Object[] holders = locationHolders;
    int mask = holders.length - 1;
    int i = spread(System.identityHashCode(holder) * 31 + key) & mask;
    while (true) {
      Object h = holders[i];
      if (h == holder && locationKeys[i] == key) return locationNumbers[i];
      if (h == null) break;
      i = (i + 1) & mask;
    }
    int number = next++;
    holders[i] = holder;
    locationKeys[i] = key;
    locationNumbers[i] = number;
    if (++locationCount * 2 > holders.length) growLocations();
    return number;
  }

  private void growLocations() {
    Object[] oldHolders = locationHolders;
    int[] oldKeys = locationKeys;
    int[] oldNumbers = locationNumbers;
    locationHolders = new Object[oldHolders.length * 2];
    locationKeys = new int[oldHolders.length * 2];
    locationNumbers = new int[oldHolders.length * 2];
    int mask = locationHolders.length - 1;
    for (int j = 0; j < oldHolders.length; j++) {
      Object h = oldHolders[j];
      if (h == null) continue;
      int i = spread(System.identityHashCode(h) * 31 + oldKeys[j]) & mask;
      while (locationHolders[i] != null) i = (i + 1) & mask;
      locationHolders[i] = h;
      locationKeys[i] = oldKeys[j];
      locationNumbers[i] = oldNumbers[j];
    }
  }

  private void growObjects() {
    Object[] oldKeys = objects;
    int[] oldNumbers = objectNumbers;
    objects = new Object[oldKeys.length * 2];
    objectNumbers = new int[oldKeys.length * 2];
    int mask = objects.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      Object k = oldKeys[j];
      if (k == null) continue;
      int i = spread(System.identityHashCode(k)) & mask;
      while (objects[i] != null) i = (i + 1) & mask;
      objects[i] = k;
      objectNumbers[i] = oldNumbers[j];
    }
  }

  /** Identity hashes promise nothing about their low bits (see -XX:hashCode): mixes them. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
