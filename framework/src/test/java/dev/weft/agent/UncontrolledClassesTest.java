package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.agent.TransformedClasses;
import dev.weft.internal.agent.UncontrolledClasses;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A class Weft cannot instrument runs uncontrolled: its monitors are invisible, so a collection it
 * guards with them must not be reported as raced, and the registry names it with the reason.
 */
class UncontrolledClassesTest {

  @SuppressWarnings("unchecked")
  private static BiConsumer<Map<String, String>, String> guardedPool() throws Exception {
    String name = HandMadeClasses.PACKAGE + "GuardedPool";
    Class<?> c = new HandMadeClasses.DefiningLoader()
        .define(name, HandMadeClasses.tooLongToInstrument(name));
    return (BiConsumer<Map<String, String>, String>) c.getConstructor().newInstance();
  }

  @Test
  void aCollectionGuardedByAnUninstrumentedClassIsNotReportedAndTheClassIsListed()
      throws Exception {
    BiConsumer<Map<String, String>, String> pool = guardedPool();
    String className = pool.getClass().getName();
    assertThat(TransformedClasses.contains(className)).isFalse();
    assertThat(UncontrolledClasses.contains(className)).isTrue();
    assertThat(UncontrolledClasses.all())
        .anySatisfy(e -> {
          assertThat(e.className()).isEqualTo(className);
          assertThat(e.reason()).containsIgnoringCase("too large");
        });
    Result result = Weft.explore(AgentProbe.options(200), () -> {
      Map<String, String> shared = new HashMap<>();
      Thread other = new Thread(() -> pool.accept(shared, "b"));
      other.start();
      pool.accept(shared, "a");
      other.join();
    });
    assertThat(result.failed()).as(result.report()).isFalse();
  }
}
