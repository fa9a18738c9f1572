package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each deadlocked thread's blocked attempt is in the interleaving, text and HTML lanes alike, even
 * when the thread was switched out just before it made the attempt.
 */
class DeadlockRowsTest {
  static final class JobQueue {
    private JobQueue next;

    synchronized void handOver() {
      next.accept();
    }

    synchronized void accept() {
      Thread.yield();
    }
  }

  /** Two synchronized methods calling each other's queue: a monitor cycle. */
  static Result deadlock() {
    Result result = Weft.explore(Options.defaults().seed(3).iterations(200), () -> {
      JobQueue a = new JobQueue();
      JobQueue b = new JobQueue();
      a.next = b;
      b.next = a;
      Thread t = new Thread(a::handOver, "other");
      t.start();
      b.handOver();
      t.join();
    });
    assertThat(result.failed()).as(result.report()).isTrue();
    assertThat(result.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.DEADLOCK);
    return result;
  }

  @Test
  void theTextTableMarksTheBlockedAttemptOfBothThreads() {
    String report = deadlock().report();
    List<String> marked = AVeryLongSourceFileNameForTheWhereColumnTest.interleaving(report)
        .stream().filter(r -> r.startsWith(" >> ")).toList();
    assertThat(marked).as(report).hasSize(2)
        .allMatch(r -> r.contains("waits for monitor of JobQueue@"));
    // One in each thread's column: T0's row starts further left than T1's.
    assertThat(marked.get(0).indexOf("waits for")).as(report)
        .isNotEqualTo(marked.get(1).indexOf("waits for"));
  }

  @Test
  void theLanesShowTheBlockedAttemptOfBothThreadsEachInItsLane() {
    String page = deadlock().htmlPage();
    Matcher m = Pattern.compile("<div class=\"event conflict\" data-lane=\"(\\d+)\"[^>]*>(.*?)</div>")
        .matcher(page);
    List<String> lanes = new java.util.ArrayList<>();
    while (m.find()) {
      assertThat(m.group(2).replace("<wbr>", "")).contains("waits for monitor of JobQueue@");
      lanes.add(m.group(1));
    }
    assertThat(lanes).as(page).containsExactlyInAnyOrder("0", "1");
  }
}
