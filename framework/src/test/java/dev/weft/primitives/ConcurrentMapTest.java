package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Check-then-act on a ConcurrentHashMap, held through a plain Map variable as most code does. */
class ConcurrentMapTest {

  static void getThenPut(Map<String, Integer> counts) {
    Integer seen = counts.get("k");
    counts.put("k", seen == null ? 1 : seen + 1);
  }

  @Test
  void findsALostUpdateFromGetThenPutThroughTheMapInterface() {
    Probe.assertFinds(Failure.Kind.EXCEPTION, () -> {
      Map<String, Integer> counts = new ConcurrentHashMap<>();
      Thread a = new Thread(() -> getThenPut(counts));
      Thread b = new Thread(() -> getThenPut(counts));
      a.start();
      b.start();
      a.join();
      b.join();
      assertThat(counts.get("k")).isEqualTo(2);
    });
  }

  @Test
  void mergeThroughTheMapInterfacePasses() {
    Probe.assertPasses(300, () -> {
      Map<String, Integer> counts = new ConcurrentHashMap<>();
      Thread a = new Thread(() -> counts.merge("k", 1, Integer::sum));
      Thread b = new Thread(() -> counts.merge("k", 1, Integer::sum));
      a.start();
      b.start();
      a.join();
      b.join();
      assertThat(counts.get("k")).isEqualTo(2);
    });
  }
}
