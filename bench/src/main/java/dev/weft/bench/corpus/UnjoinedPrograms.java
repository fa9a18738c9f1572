package dev.weft.bench.corpus;

import dev.weft.Failure;

/**
 * A deadlock between threads the body never joins: a batch job starts two transfers between the
 * same two accounts in opposite directions and returns, as a {@code main} that hands work to
 * threads and ends does. Each transfer locks its source account, then its target, so the two can
 * hold one lock each and wait for the other's forever. Nothing joins them, so nothing in the body
 * hangs: the JVM hangs at exit, waiting for its non-daemon threads, and Weft's execution must
 * wait for them the same way to see the deadlock. The fix takes the two locks in one global order
 * (by account number), whichever way the money goes.
 */
final class UnjoinedPrograms {
  private UnjoinedPrograms() {}

  /** An account whose monitor guards its balance. */
  static final class Account {
    final int number;
    private long balance;

    Account(int number, long balance) {
      this.number = number;
      this.balance = balance;
    }
  }

  /** Source first, then target: two opposite transfers take the locks in opposite orders. */
  static void transfer(Account from, Account to, long amount) {
    synchronized (from) {
      synchronized (to) {
        from.balance -= amount;
        to.balance += amount;
      }
    }
  }

  /** The fix: the lower account number first, whichever way the money goes. */
  static void orderedTransfer(Account from, Account to, long amount) {
    Account first = from.number < to.number ? from : to;
    Account second = first == from ? to : from;
    synchronized (first) {
      synchronized (second) {
        from.balance -= amount;
        to.balance += amount;
      }
    }
  }

  static CorpusProgram transfers(boolean buggy) {
    return new CorpusProgram(buggy ? "unjoined-deadlock" : "unjoined-fixed",
        "JDK threads the body starts and never joins (non-daemon: the JVM waits for them)",
        buggy ? Failure.Kind.DEADLOCK : null, () -> {
          Account savings = new Account(1, 100);
          Account checking = new Account(2, 100);
          // Not daemon threads, not joined: the batch hands them the work and returns.
          new Thread(() -> move(buggy, savings, checking, 30), "transfer-1-to-2").start();
          new Thread(() -> move(buggy, checking, savings, 20), "transfer-2-to-1").start();
          return null;
        }, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  private static void move(boolean buggy, Account from, Account to, long amount) {
    if (buggy) {
      transfer(from, to, amount);
    } else {
      orderedTransfer(from, to, amount);
    }
  }
}
