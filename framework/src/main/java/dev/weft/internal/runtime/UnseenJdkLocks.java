package dev.weft.internal.runtime;

/**
 * JDK calls that run application code while they hold a real lock the model does not see: a
 * ConcurrentHashMap's {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent} and
 * {@code merge} call their function inside {@code synchronized} on the key's bin. A scheduling
 * point inside the function may hand the turn to another thread, which is how a race inside the
 * function is found; but a thread given the turn there must not go on into an operation on the
 * same map, where it could block on the bin lock for real, out of every hook's sight (a false
 * loss of control). So a thread about to start an operation on a map whose lock another thread
 * may hold yields until that thread has left its call: it can run everything else.
 *
 * <p>Over-approximation: any operation on the same map waits, not only one on the same bin, so a
 * function that itself waits for another thread's update of the map ends as a livelock report
 * (that program can deadlock for real when the keys share a bin).
 */
final class UnseenJdkLocks {
  private UnseenJdkLocks() {}

  /** Whether this ConcurrentHashMap method calls its function while it holds the bin lock. */
  static boolean concurrentMapCallbackUnderLock(String method) {
    switch (method) {
      case "compute":
      case "computeIfAbsent":
      case "computeIfPresent":
      case "merge":
        return true;
      default:
        return false;
    }
  }

  /** {@code me} entered a call that may hold {@code owner}'s lock while it runs application code. */
  static void taken(ControlledThread me, Object owner) {
    if (me.unseenJdkLockDepth++ == 0) me.unseenJdkLockOf = owner;
  }

  /** {@code me} left such a call. */
  static void released(ControlledThread me) {
    if (me.unseenJdkLockDepth > 0 && --me.unseenJdkLockDepth == 0) me.unseenJdkLockOf = null;
  }

  /**
   * Before {@code me} starts an operation on {@code owner}: while another thread is inside a call
   * that may hold its lock, {@code me} gives the turn away (a spinning step, so that the
   * strategies let the holder run, and bounded by the step limit like any spin).
   */
  static void awaitNoOtherHolder(ControlledThread me, Object owner) {
    while (heldByAnother(me, owner)) {
      me.execution.localSchedulingPoint(me, true);
    }
  }

  private static boolean heldByAnother(ControlledThread me, Object owner) {
    for (ControlledThread t : me.execution.threads()) {
      if (t != me && t.unseenJdkLockOf == owner && !t.finished && !t.released) return true;
    }
    return false;
  }
}
