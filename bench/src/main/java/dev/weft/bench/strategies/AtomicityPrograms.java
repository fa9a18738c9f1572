package dev.weft.bench.strategies;

import dev.weft.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * Atomicity violations under locks: every access is guarded, so there is no data race, but a
 * read and the write that depends on it are in two critical sections, and another thread can
 * run between them. The fix puts both in one.
 */
final class AtomicityPrograms {
  private AtomicityPrograms() {}

  /** Two threads increment a counter: read under the lock, write under the lock. */
  static BugProgram lostUpdate() {
    return new BugProgram("atomicity-counter", "atomicity under a lock: lost update, 2 threads",
        Failure.Kind.EXCEPTION, () -> counter(false), () -> counter(true));
  }

  /**
   * Three withdrawals of 40 from an account of 100: each checks the balance under the lock and
   * takes the money under the lock again; two checks before the takes overdraw it.
   */
  static BugProgram checkThenWithdraw() {
    return new BugProgram("atomicity-withdraw",
        "atomicity under a lock: check then act, 3 threads", Failure.Kind.EXCEPTION,
        () -> withdrawals(false), () -> withdrawals(true));
  }

  private static final class Account {
    int balance;
  }

  private static void counter(boolean fixed) throws InterruptedException {
    Object lock = new Object();
    Account counter = new Account();
    Runnable increment = () -> {
      if (fixed) {
        synchronized (lock) {
          counter.balance = counter.balance + 1;
        }
        return;
      }
      int read;
      synchronized (lock) {
        read = counter.balance;
      }
      synchronized (lock) {
        counter.balance = read + 1;
      }
    };
    Threads.runBoth(increment, increment);
    Threads.check(counter.balance == 2, "counter is " + counter.balance + ", not 2");
  }

  private static void withdrawals(boolean fixed) throws InterruptedException {
    Object lock = new Object();
    Account account = new Account();
    account.balance = 100;
    Runnable withdraw = () -> {
      if (fixed) {
        synchronized (lock) {
          if (account.balance >= 40) account.balance -= 40;
        }
        return;
      }
      boolean enough;
      synchronized (lock) {
        enough = account.balance >= 40;
      }
      if (enough) {
        synchronized (lock) {
          account.balance -= 40;
        }
      }
    };
    List<Runnable> bodies = new ArrayList<>(List.of(withdraw, withdraw, withdraw));
    Threads.runAll(bodies);
    Threads.check(account.balance >= 0, "overdrawn: balance " + account.balance);
  }
}
