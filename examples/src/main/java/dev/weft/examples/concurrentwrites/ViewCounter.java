package dev.weft.examples.concurrentwrites;

/** Page views per page, recorded by every thread that serves a request. */
public interface ViewCounter {
  /** Counts one view of {@code page}. */
  void recordView(String page);

  /** The views of {@code page} so far. */
  int views(String page);
}
