package dev.weft.boot;

/** Tasks handed to executors, pools and futures: where they came from and when they run. */
public interface TaskHooks {

  /** A task object was created or handed to an executor. */
  void taskCreated(Object task);

  /** A pool thread starts a task (happens-before); returns what {@link #taskEnds} restores. */
  Object taskStarts(Object task);

  /** A task finished (happens-before); restores the thread's previous task unless SAME_TASK. */
  void taskEnds(Object restore);

  /**
   * A task's result is about to be published (a future completes, a pool worker moves on from a
   * finished task): a scheduling point, so that what the library does next is a step of its own.
   */
  void resultPublishing();
}
