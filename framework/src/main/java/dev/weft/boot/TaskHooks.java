package dev.weft.boot;

/** Tasks handed to executors, pools and futures: where they came from and when they run. */
public interface TaskHooks {

  /** A task object was created or handed to an executor. */
  void taskCreated(Object task);

  /** A pool thread starts a task (happens-before); returns what {@link #taskEnds} restores. */
  Object taskStarts(Object task);

  /** A task finished (happens-before); restores the thread's previous task unless SAME_TASK. */
  void taskEnds(Object restore);
}
