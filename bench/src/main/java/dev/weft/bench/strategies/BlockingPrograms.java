package dev.weft.bench.strategies;

import dev.weft.Failure;

/** Bugs where threads wait for each other forever: a lock-order deadlock and a lost wake-up. */
final class BlockingPrograms {
  private BlockingPrograms() {}

  /** Two threads take two monitors in opposite orders; the fix takes them in one order. */
  static BugProgram lockOrder() {
    return new BugProgram("deadlock-lock-order", "deadlock: two monitors in opposite orders",
        Failure.Kind.DEADLOCK, () -> lockOrder(false), () -> lockOrder(true));
  }

  /**
   * A waiter checks a volatile flag outside the monitor and then waits; the notifier sets the
   * flag and notifies in between, so the wait never ends. The fix checks the flag under the
   * monitor, in a loop.
   */
  static BugProgram lostWakeUp() {
    return new BugProgram("lost-wake-up", "deadlock: wait/notify, condition checked outside",
        Failure.Kind.DEADLOCK, () -> wakeUp(false), () -> wakeUp(true));
  }

  private static void lockOrder(boolean fixed) throws InterruptedException {
    Object first = new Object();
    Object second = new Object();
    int[] transfers = new int[1];
    Runnable forward = () -> {
      synchronized (first) {
        synchronized (second) {
          transfers[0]++;
        }
      }
    };
    Runnable backward = fixed ? forward : () -> {
      synchronized (second) {
        synchronized (first) {
          transfers[0]++;
        }
      }
    };
    Threads.runBoth(forward, backward);
  }

  private static final class Flag {
    volatile boolean ready;
  }

  private static void wakeUp(boolean fixed) throws InterruptedException {
    Object monitor = new Object();
    Flag flag = new Flag();
    Runnable waiter = () -> {
      try {
        if (fixed) {
          synchronized (monitor) {
            while (!flag.ready) monitor.wait();
          }
        } else if (!flag.ready) {
          synchronized (monitor) {
            monitor.wait();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    Runnable notifier = () -> {
      synchronized (monitor) {
        flag.ready = true;
        monitor.notifyAll();
      }
    };
    Threads.runBoth(waiter, notifier);
  }
}
