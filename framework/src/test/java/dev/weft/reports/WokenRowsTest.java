package dev.weft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * After a thread waits ({@code Object.wait}, {@code Condition.await}) the interleaving shows where
 * it was woken and took its lock again, text and HTML alike. In both programs the body waits
 * until the other thread has set the flag; the two then race on a map.
 */
class WokenRowsTest {

  @Test
  void objectWaitIsFollowedByTheWakeAndTheReacquire() {
    Result result = Weft.explore(Options.defaults().seed(3).iterations(200), () -> {
      Object monitor = new Object();
      boolean[] ready = new boolean[1];
      Map<String, Integer> map = new HashMap<>();
      Thread t = new Thread(() -> {
        synchronized (monitor) {
          ready[0] = true;
          monitor.notifyAll();
        }
        map.put("a", 1);
      });
      t.start();
      synchronized (monitor) {
        while (!ready[0]) monitor.wait();
      }
      map.put("b", 2);
      t.join();
    });
    assertWokenAfterWait(result, "waits on Object@", "woken by notify, re-acquires Object@");
  }

  @Test
  void conditionAwaitIsFollowedByTheWakeAndTheReacquire() {
    Result result = Weft.explore(Options.defaults().seed(3).iterations(200), () -> {
      ReentrantLock lock = new ReentrantLock();
      Condition changed = lock.newCondition();
      boolean[] ready = new boolean[1];
      Map<String, Integer> map = new HashMap<>();
      Thread t = new Thread(() -> {
        lock.lock();
        try {
          ready[0] = true;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
        map.put("a", 1);
      });
      t.start();
      lock.lock();
      try {
        while (!ready[0]) changed.await();
      } finally {
        lock.unlock();
      }
      map.put("b", 2);
      t.join();
    });
    assertWokenAfterWait(result, "Condition.await",
        "woken by signal, re-acquires ReentrantLock@");
  }

  private static void assertWokenAfterWait(Result result, String wait, String woken) {
    String report = result.report();
    assertThat(result.failed()).as(report).isTrue();
    List<String> table = AVeryLongSourceFileNameForTheWhereColumnTest.interleaving(report);
    int waits = indexOf(table, wait);
    int wakes = indexOf(table, woken);
    assertThat(waits).as(report).isNotNegative();
    assertThat(wakes).as(report).isGreaterThan(waits);
    // The wake is where the waiting thread runs again: the next row is its own, the re-check.
    assertThat(table.get(wakes)).as(report).startsWith("  ~ ");
    assertThat(table.get(wakes + 1)).as(report).contains("reads boolean[0] (true)");
    assertThat(result.htmlPage().replace("<wbr>", "")).contains(woken);
  }

  private static int indexOf(List<String> rows, String text) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(text)) return i;
    }
    return -1;
  }
}
