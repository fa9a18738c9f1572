package dev.weft.scheduler;

import java.util.Arrays;

/**
 * A mutable set of small non-negative ids (thread ids, option indices), as bits. The systematic
 * search keeps several per decision and reuses them from execution to execution, so they grow
 * but are never reallocated on the pick path once large enough.
 */
final class IdSet {
  private long[] words = new long[1];

  void clear() {
    Arrays.fill(words, 0L);
  }

  void add(int id) {
    int w = id >>> 6;
    if (w >= words.length) words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
    words[w] |= 1L << id;
  }

  void remove(int id) {
    int w = id >>> 6;
    if (w < words.length) words[w] &= ~(1L << id);
  }

  boolean contains(int id) {
    int w = id >>> 6;
    return w < words.length && (words[w] & (1L << id)) != 0;
  }

  /** The smallest id at least {@code from} in the set, or -1. */
  int next(int from) {
    int w = from >>> 6;
    if (w >= words.length) return -1;
    long word = words[w] & (-1L << from);
    while (true) {
      if (word != 0) return (w << 6) + Long.numberOfTrailingZeros(word);
      if (++w == words.length) return -1;
      word = words[w];
    }
  }

  int size() {
    int n = 0;
    for (long word : words) n += Long.bitCount(word);
    return n;
  }

  boolean isEmpty() {
    for (long word : words) {
      if (word != 0) return false;
    }
    return true;
  }

  /** Number of ids in the set below {@code id}. */
  int rank(int id) {
    int n = 0;
    for (int x = next(0); x >= 0 && x < id; x = next(x + 1)) n++;
    return n;
  }

  void setTo(int[] ids, int count) {
    clear();
    for (int i = 0; i < count; i++) add(ids[i]);
  }

  /** Sets the set to {@code [0, bound)}. */
  void setRange(int bound) {
    clear();
    for (int i = 0; i < bound; i++) add(i);
  }

  void setTo(IdSet other) {
    if (words.length < other.words.length) words = new long[other.words.length];
    System.arraycopy(other.words, 0, words, 0, other.words.length);
    Arrays.fill(words, other.words.length, words.length, 0L);
  }

  void addAll(IdSet other) {
    if (words.length < other.words.length) words = Arrays.copyOf(words, other.words.length);
    for (int i = 0; i < other.words.length; i++) words[i] |= other.words[i];
  }

  /** Whether the set holds exactly {@code ids[0..count)}. */
  boolean sameAs(int[] ids, int count) {
    if (size() != count) return false;
    for (int i = 0; i < count; i++) {
      if (!contains(ids[i])) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int x = next(0); x >= 0; x = next(x + 1)) {
      if (sb.length() > 1) sb.append(',');
      sb.append(x);
    }
    return sb.append('}').toString();
  }
}
