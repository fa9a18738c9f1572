package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import org.junit.jupiter.api.Test;

/** A monitor taken by a synchronized method is named by its method, never by line -1. */
class SynchronizedMethodLocksTest {
  static final class JobQueue {
    private JobQueue next;

    synchronized void handOver() {
      next.accept();
    }

    synchronized void accept() {
      Thread.yield();
    }
  }

  @Test
  void aDeadlockOfSynchronizedMethodsNamesTheMethods() {
    Result result = Weft.explore(Options.defaults().seed(3).iterations(200), () -> {
      JobQueue a = new JobQueue();
      JobQueue b = new JobQueue();
      a.next = b;
      b.next = a;
      Thread t = new Thread(a::handOver);
      t.start();
      b.handOver();
      t.join();
    });

    assertThat(result.failed()).as(result.report()).isTrue();
    assertThat(result.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.DEADLOCK);
    String report = result.report();
    assertThat(report).doesNotContain(":-1").contains("JobQueue.handOver");
    assertThat(result.htmlPage()).doesNotContain(":-1");
  }
}
