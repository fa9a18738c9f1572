package dev.weft.scheduler;

/** One method of simplifying a failing run; proposes candidates to the session until done. */
interface ShrinkPass {
  void apply(ShrinkSession session);
}
