package dev.weft.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * What the race detector knows about one collection instance: the operations running on it right
 * now (for Go-style in-flight detection), the last write, and the last read of each thread since
 * then (FastTrack-style: one epoch per thread instead of a full vector clock per access).
 */
final class TrackedCollection {
  final Object instance;
  final List<CollectionAccess> inFlight = new ArrayList<>(2);
  CollectionAccess lastWrite;
  final List<CollectionAccess> readsSinceWrite = new ArrayList<>(2);
  /** The first thread that used the instance, and whether another one has since. */
  private ControlledThread firstUser;
  private boolean shared;

  TrackedCollection(Object instance) {
    this.instance = instance;
  }

  void usedBy(ControlledThread thread) {
    if (firstUser == null) {
      firstUser = thread;
    } else if (thread != firstUser) {
      shared = true;
    }
  }

  /** Whether a thread other than {@code me} has used the instance in this execution. */
  boolean usedByAnotherThan(ControlledThread me) {
    return shared || (firstUser != null && firstUser != me);
  }

  void recordRead(CollectionAccess read) {
    for (int i = 0; i < readsSinceWrite.size(); i++) {
      if (readsSinceWrite.get(i).thread() == read.thread()) {
        readsSinceWrite.set(i, read);
        return;
      }
    }
    readsSinceWrite.add(read);
  }

  void recordWrite(CollectionAccess write) {
    lastWrite = write;
    readsSinceWrite.clear();
  }
}
