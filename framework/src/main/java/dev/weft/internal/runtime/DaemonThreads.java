package dev.weft.internal.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon status a thread has in the program under test, which decides when an execution ends:
 * like the JVM, an execution ends once every non-daemon thread has ended. The body runs on T0, a
 * non-daemon thread like {@code main}, but T0 is really a daemon thread (a thread Weft cannot unwind
 * must never keep the JVM alive), so the threads it creates inherit a real daemon flag that the
 * program did not ask for. They are remembered here from their construction until they start; an
 * explicit {@code setDaemon} makes the real flag the program's again.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads made by a non-daemon controlled thread that really inherited a daemon flag. */
  private static final ConcurrentHashMap<Thread, Execution> INHERITED_NON_DAEMON =
      new ConcurrentHashMap<>();

  /** {@code thread} was constructed by {@code creator}. */
  static void created(ControlledThread creator, Thread thread) {
    if (creator.daemon || creator.thread == thread) return;
    if (thread.isDaemon() && !VirtualThreads.isVirtual(thread)) {
      INHERITED_NON_DAEMON.put(thread, creator.execution);
    }
  }

  /** The program set {@code thread}'s daemon status itself. */
  static void set(Thread thread) {
    if (!INHERITED_NON_DAEMON.isEmpty()) INHERITED_NON_DAEMON.remove(thread);
  }

  /** Whether {@code thread}, about to start, is a daemon thread in the program. */
  static boolean isDaemon(Thread thread) {
    if (!thread.isDaemon()) return false;
    return INHERITED_NON_DAEMON.isEmpty() || INHERITED_NON_DAEMON.remove(thread) == null;
  }

  /** Forgets the threads {@code execution} made and never started. */
  static void forget(Execution execution) {
    if (!INHERITED_NON_DAEMON.isEmpty()) {
      INHERITED_NON_DAEMON.values().removeIf(e -> e == execution);
    }
  }
}
