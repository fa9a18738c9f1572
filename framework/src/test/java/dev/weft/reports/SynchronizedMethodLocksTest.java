package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.ApiValues;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A monitor taken by a synchronized method is named by its method and line, never by line -1: in
 * lock rows, in the stack of a thread blocked entering the method, and in an access's words.
 */
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
    // Each blocked thread's innermost frame is the synchronized method it is entering, at its
    // line; no frame of the stacks goes without a line.
    Matcher entering = Pattern.compile("at dev\\.weft\\.reports\\.SynchronizedMethodLocksTest\\$"
        + "JobQueue\\.accept\\(SynchronizedMethodLocksTest\\.java:\\d+\\) \\(synchronized method\\)")
        .matcher(report);
    int blocked = 0;
    while (entering.find()) blocked++;
    assertThat(blocked).as(report).isEqualTo(2);
    assertThat(report).as(report).doesNotContainPattern("\\(\\w+\\.java\\)");
    // Every lock row of the interleaving says where the monitor was taken, by file and line.
    List<String> locks = AVeryLongSourceFileNameForTheWhereColumnTest.interleaving(report).stream()
        .filter(r -> r.contains("locks monitor of JobQueue@")).toList();
    assertThat(locks).as(report).isNotEmpty()
        .allMatch(r -> r.matches("^.{4}SynchronizedMethodLocksTest\\.java:\\d+ .*"));
  }

  @Test
  void anAccessWithoutALineNamesItsMethodInsteadOfLineMinusOne() {
    StackTraceElement noLine = new StackTraceElement("dev.app.JobQueue", "take", "JobQueue.java", -1);
    Access access = ApiValues.get().access("T1 (worker)", "ArrayDeque.poll", noLine,
        Access.Kind.STRUCTURAL_WRITE);
    assertThat(access).hasToString("structural write ArrayDeque.poll by T1 (worker) at JobQueue.take");
    StackTraceElement line = new StackTraceElement("dev.app.JobQueue", "take", "JobQueue.java", 12);
    assertThat(ApiValues.get().access("T1 (worker)", "ArrayDeque.poll", line, Access.Kind.READ))
        .hasToString("read ArrayDeque.poll by T1 (worker) at JobQueue.java:12");
  }
}
