package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

class LocksTest {

  static final class Account {
    final ReentrantLock lock = new ReentrantLock();
    int balance = 100;
  }

  static void transfer(Account from, Account to, int amount) {
    from.lock.lock();
    try {
      to.lock.lock();
      try {
        from.balance -= amount;
        to.balance += amount;
      } finally {
        to.lock.unlock();
      }
    } finally {
      from.lock.unlock();
    }
  }

  @Test
  void findsAReentrantLockOrderDeadlock() {
    Failure failure = Probe.assertFinds(Failure.Kind.DEADLOCK, () -> {
      Account a = new Account();
      Account b = new Account();
      Thread t = new Thread(() -> transfer(b, a, 10));
      t.start();
      transfer(a, b, 20);
      t.join();
    });
    assertThat(failure.summary()).contains("T0").contains("T1");
  }

  @Test
  void reentrantLockProtectsAReadModifyWrite() {
    Probe.assertPasses(300, () -> {
      Account a = new Account();
      Runnable deposit = () -> {
        a.lock.lock();
        try {
          int read = a.balance;
          Thread.yield();
          a.balance = read + 1;
        } finally {
          a.lock.unlock();
        }
      };
      Thread t = new Thread(deposit);
      t.start();
      deposit.run();
      t.join();
      assertThat(a.balance).isEqualTo(102);
    });
  }

  static final class Registry {
    final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    int entries;

    /** Bug: reads under the read lock, writes under the write lock: the update can be lost. */
    void addCheckThenAct() {
      int seen;
      rw.readLock().lock();
      try {
        seen = entries;
      } finally {
        rw.readLock().unlock();
      }
      rw.writeLock().lock();
      try {
        entries = seen + 1;
      } finally {
        rw.writeLock().unlock();
      }
    }

    void add() {
      rw.writeLock().lock();
      try {
        entries++;
      } finally {
        rw.writeLock().unlock();
      }
    }

    int size() {
      rw.readLock().lock();
      try {
        return entries;
      } finally {
        rw.readLock().unlock();
      }
    }
  }

  @Test
  void findsALostUpdateAcrossReadAndWriteLocks() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      Registry r = new Registry();
      Thread t = new Thread(r::addCheckThenAct);
      t.start();
      r.addCheckThenAct();
      t.join();
      assertThat(r.size()).isEqualTo(2);
    });
  }

  @Test
  void readWriteLockUsedCorrectlyPasses() {
    Probe.assertPasses(300, () -> {
      Registry r = new Registry();
      Thread writer = new Thread(r::add);
      Thread reader = new Thread(() -> assertThat(r.size()).isBetween(0, 2));
      writer.start();
      reader.start();
      r.add();
      writer.join();
      reader.join();
      assertThat(r.size()).isEqualTo(2);
    });
  }

  @Test
  void findsAReadToWriteUpgradeSelfDeadlock() {
    Probe.assertFinds(Failure.Kind.DEADLOCK, Probe.options(50), () -> {
      ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
      rw.readLock().lock();
      rw.writeLock().lock();
    });
  }
}
