package dev.weft.examples.plaincounter;

/** Counts the hits of a page, from every request thread. */
public interface HitCounter {
  void hit();

  int hits();
}
