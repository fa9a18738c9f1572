package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.internal.agent.TransformedClasses;
import dev.weft.internal.agent.UncontrolledClasses;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Classes generated at run time, defined from bytes by a loader without resources, extending
 * other generated classes (as mock proxies and script call sites do): no class file describes
 * their supertypes, yet they are instrumented from the bytes given, so a {@code Thread.join} in
 * them is a controlled join.
 */
class GeneratedClassesTest {

  /** Joiner extends Base extends Thread, both generated, defined once. */
  private static final Class<?> JOINER = defineJoiner();

  private static Class<?> defineJoiner() {
    String base = HandMadeClasses.PACKAGE + "Base";
    String joiner = HandMadeClasses.PACKAGE + "Joiner";
    HandMadeClasses.DefiningLoader loader = new HandMadeClasses.DefiningLoader();
    loader.define(base, HandMadeClasses.generatedThreadBase(base));
    return loader.define(joiner, HandMadeClasses.generatedJoiner(joiner, base));
  }

  @Test
  void generatedClassesAreInstrumentedFromTheirBytes() {
    for (Class<?> c : new Class<?>[] {JOINER, JOINER.getSuperclass()}) {
      assertThat(TransformedClasses.contains(c.getName())).as(c.getName()).isTrue();
      assertThat(UncontrolledClasses.contains(c.getName())).as(c.getName()).isFalse();
    }
  }

  /** Two generated threads, not started. */
  private static Thread[] joiners() throws Exception {
    return new Thread[] {(Thread) JOINER.getConstructor().newInstance(),
        (Thread) JOINER.getConstructor().newInstance()};
  }

  private static void setOther(Thread joiner, Thread other) throws Exception {
    Method set = joiner.getClass().getMethod("setOther", joiner.getClass().getSuperclass());
    set.invoke(joiner, other);
  }

  @Test
  void twoGeneratedThreadsJoiningEachOtherAreADeadlock() throws Exception {
    var result = AgentProbe.assertFinds(Failure.Kind.DEADLOCK, () -> {
      Thread[] t = joiners();
      setOther(t[0], t[1]);
      setOther(t[1], t[0]);
      t[0].start();
      t[1].start();
      t[0].join();
      t[1].join();
    });
    assertThat(result.report()).contains("to join T").contains("Joiner.java:40");
  }

  @Test
  void aGeneratedThreadJoiningAFinishedOnePasses() {
    AgentProbe.assertPasses(50, () -> {
      Thread[] t = joiners();
      setOther(t[1], t[0]);
      setOther(t[0], joinersBase(t[0]));
      t[0].start();
      t[1].start();
      t[1].join();
      t[0].join();
    });
  }

  /** A finished instance of the generated base, for a joiner with nothing to wait on. */
  private static Thread joinersBase(Thread joiner) throws Exception {
    Thread base = (Thread) joiner.getClass().getSuperclass().getConstructor().newInstance();
    base.start();
    base.join();
    return base;
  }
}
