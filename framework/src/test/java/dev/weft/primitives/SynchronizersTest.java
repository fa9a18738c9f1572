package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SynchronizersTest {

  /** get-then-set on an atomic: each step is atomic, the pair is not. */
  static void unsafeIncrement(AtomicInteger counter) {
    int v = counter.get();
    counter.set(v + 1);
  }

  @Test
  void findsASemaphoreWithTooManyPermitsUsedAsAMutex() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      Semaphore mutex = new Semaphore(2);
      AtomicInteger counter = new AtomicInteger();
      Runnable work = () -> {
        mutex.acquireUninterruptibly();
        try {
          unsafeIncrement(counter);
        } finally {
          mutex.release();
        }
      };
      Thread t = new Thread(work);
      t.start();
      work.run();
      t.join();
      assertThat(counter.get()).isEqualTo(2);
    });
  }

  @Test
  void aOnePermitSemaphoreIsAMutex() {
    Probe.assertPasses(300, () -> {
      Semaphore mutex = new Semaphore(1);
      AtomicInteger counter = new AtomicInteger();
      Runnable work = () -> {
        mutex.acquireUninterruptibly();
        try {
          unsafeIncrement(counter);
        } finally {
          mutex.release();
        }
      };
      Thread t = new Thread(work);
      t.start();
      work.run();
      t.join();
      assertThat(counter.get()).isEqualTo(2);
    });
  }

  @Test
  void findsALatchThatCountsTooFewWorkers() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger finished = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        new Thread(() -> {
          finished.incrementAndGet();
          done.countDown();
        }).start();
      }
      done.await();
      assertThat(finished.get()).isEqualTo(2);
    });
  }

  @Test
  void aLatchThatCountsEveryWorkerPasses() {
    Probe.assertPasses(300, () -> {
      CountDownLatch done = new CountDownLatch(2);
      AtomicInteger finished = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        new Thread(() -> {
          finished.incrementAndGet();
          done.countDown();
        }).start();
      }
      done.await();
      assertThat(finished.get()).isEqualTo(2);
    });
  }

  @Test
  void findsABarrierWaitingForAPartyThatNeverComes() {
    Probe.assertFinds(Failure.Kind.DEADLOCK, Probe.options(20), () -> {
      CyclicBarrier barrier = new CyclicBarrier(3);
      Thread t = new Thread(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      barrier.await();
      t.join();
    });
  }

  @Test
  void aBarrierPublishesWhatWasWrittenBeforeIt() {
    Probe.assertPasses(300, () -> {
      int[] cells = new int[2];
      CyclicBarrier barrier = new CyclicBarrier(2);
      Thread t = new Thread(() -> {
        cells[1] = 1;
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        assertThat(cells[0]).isEqualTo(1);
      });
      t.start();
      cells[0] = 1;
      barrier.await();
      assertThat(cells[1]).isEqualTo(1);
      t.join();
    });
  }

  @Test
  void findsAConsumerThatPollsInsteadOfTaking() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
      Thread producer = new Thread(() -> queue.offer("job"));
      producer.start();
      String job = queue.poll();
      assertThat(job).isEqualTo("job");
      producer.join();
    });
  }

  @Test
  void aConsumerThatTakesAlwaysGetsTheItem() {
    Probe.assertPasses(300, () -> {
      BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
      Thread producer = new Thread(() -> {
        try {
          queue.put("a");
          queue.put("b");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      producer.start();
      assertThat(queue.take()).isEqualTo("a");
      assertThat(queue.take()).isEqualTo("b");
      producer.join();
    });
  }
}
