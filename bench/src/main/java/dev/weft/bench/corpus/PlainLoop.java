package dev.weft.bench.corpus;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a corpus program with no tool, as a stress loop in a test would, and counts the runs that
 * show the bug: a run that throws, returns a value the program's check rejects, or does not end
 * within the time limit.
 *
 * <p>A run ends the way a JVM's {@code main} does: when its body has returned and every non-daemon
 * thread it started has ended. So each run's body runs on a fresh non-daemon thread in a thread
 * group of its own (the threads it starts inherit both), and the run waits, within the same limit,
 * for the group's non-daemon threads: a deadlock between threads the body never joined (which
 * would hang a real JVM at exit) counts, while daemon threads, the common pool's workers among
 * them, are not waited for, as the JVM does not wait for them. The threads of a run that never
 * ends stay blocked; they are not daemon threads, so the benchmark ends with {@code System.exit}.
 */
final class PlainLoop {
  private PlainLoop() {}

  /** How long one run may take: the body and the non-daemon threads it started. */
  static final long RUN_TIMEOUT_MILLIS = 1_000;

  /** How many of {@code runs} plain runs of {@code program} show its bug. */
  static int count(CorpusProgram program, int runs) throws InterruptedException {
    int shown = 0;
    for (int i = 0; i < runs; i++) {
      if (shows(program, i)) shown++;
    }
    return shown;
  }

  private static boolean shows(CorpusProgram program, int i) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_TIMEOUT_MILLIS);
    Object[] value = new Object[1];
    Throwable[] error = new Throwable[1];
    CountDownLatch returned = new CountDownLatch(1);
    ThreadGroup group = new ThreadGroup("plain-run-" + i);
    Thread main = new Thread(group, () -> {
      try {
        value[0] = program.body().run();
      } catch (Throwable t) {
        error[0] = t;
      } finally {
        returned.countDown();
      }
    }, "plain-run-" + i);
    main.setDaemon(false);
    main.start();
    if (!returned.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) return true;
    if (!nonDaemonThreadsEnd(group, deadline)) return true;
    return error[0] != null || program.bugShows().test(value[0]);
  }

  /** Whether every non-daemon thread of {@code group} ends by {@code deadline}. */
  private static boolean nonDaemonThreadsEnd(ThreadGroup group, long deadline)
      throws InterruptedException {
    while (true) {
      Thread[] live = new Thread[group.activeCount() + 1];
      int n = group.enumerate(live, true);
      boolean any = false;
      for (int t = 0; t < n; t++) {
        if (live[t].isDaemon() || !live[t].isAlive()) continue;
        any = true;
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedJoin(live[t], left);
      }
      // Joined threads may have started others meanwhile: look again until none is left.
      if (!any) return true;
    }
  }
}
