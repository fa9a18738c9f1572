package dev.weft.internal.runtime;

/**
 * Words both kinds of race report share ({@link RaceReport} for collections, {@link
 * FieldRaceReport} for fields): what an access's thread held and where it came from, and why
 * nothing ordered the two accesses.
 */
final class RaceWording {
  private RaceWording() {}

  /** The stack, the locks held and the thread's origin, each on its own indented line. */
  static void appendContext(StringBuilder d, StackTraceElement[] stack, LockSet locksHeld,
      ControlledThread thread, StackTraceElement taskOrigin) {
    d.append(StackRendering.render(stack));
    d.append("      locks held: ")
        .append(locksHeld.isEmpty() ? "none" : locksHeld.text()).append('\n');
    if (thread.id == 0) {
      d.append("      thread: the test body\n");
    } else if (taskOrigin != null) {
      d.append("      running a task submitted at ")
          .append(StackRendering.shortLocation(taskOrigin)).append('\n');
    } else if (thread.createdAt != null) {
      d.append("      thread started at ").append(StackRendering.shortLocation(thread.createdAt))
          .append('\n');
    }
    d.append('\n');
  }

  /**
   * Why nothing orders two accesses that held {@code a} and {@code b}; {@code writes} says which
   * side writes ("both accesses are writes", "T1's HashMap.put is a write"), for the read-lock
   * case.
   */
  static String why(LockSet a, LockSet b, String writes) {
    if (a.isEmpty() && b.isEmpty()) {
      return "neither thread held a lock, and nothing else (join, a volatile write and read,"
          + " a concurrent collection or executor hand-off) orders the two accesses.";
    }
    if (a.isEmpty() || b.isEmpty()) {
      return "only one of the threads held a lock (" + (a.isEmpty() ? b : a).names()
          + "); a lock orders accesses only if both sides take it.";
    }
    LockSet.Entry read = a.sharedReadLock(b);
    if (read != null) {
      return "both threads held the " + read.name() + ", but a read lock is shared: any number"
          + " of threads hold it at once, so it does not order their accesses, and " + writes
          + ".";
    }
    return "the threads held different locks (" + a.names() + " vs " + b.names()
        + "), which do not order each other.";
  }
}
