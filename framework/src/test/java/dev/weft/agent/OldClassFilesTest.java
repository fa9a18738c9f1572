package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.internal.agent.TransformedClasses;
import dev.weft.internal.agent.UncontrolledClasses;
import java.lang.reflect.Method;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * Class files older than Java 6: no stack map frames, JSR/RET subroutines, and below Java 5 no
 * class constants (so a {@code static synchronized} method's lock cannot be an {@code ldc}). They
 * are instrumented like any class: their monitors and yields are controlled, a bug in them is
 * found, and correct code passes.
 */
class OldClassFilesTest {

  /** Loads a hand-made counter and returns its add, addUnsafe and reset methods. */
  private static Method[] counter(String simpleName, int version) throws Exception {
    String name = HandMadeClasses.PACKAGE + simpleName;
    Class<?> c = new HandMadeClasses.DefiningLoader()
        .define(name, HandMadeClasses.oldCounter(name, version));
    assertThat(TransformedClasses.contains(c.getName())).as("instrumented").isTrue();
    assertThat(UncontrolledClasses.contains(c.getName())).isFalse();
    return new Method[] {c.getMethod("add"), c.getMethod("addUnsafe"), c.getMethod("reset")};
  }

  private static void twoThreads(Method add, Method reset, boolean expectTwo) throws Exception {
    reset.invoke(null);
    Thread other = new Thread(() -> invoke(add));
    other.start();
    add.invoke(null);
    other.join();
    int value = add.getDeclaringClass().getField("value").getInt(null);
    if (expectTwo) assertThat(value).isEqualTo(2);
  }

  private static void invoke(Method m) {
    try {
      m.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aStaticSynchronizedMethodOfAJava14ClassLoadsAndItsMonitorIsControlled() throws Exception {
    for (int version : new int[] {Opcodes.V1_3, Opcodes.V1_4}) {
      Method[] m = counter("Counter" + version, version);
      m[0].invoke(null); // no VerifyError: the lock is not an ldc of a class constant
      AgentProbe.assertPasses(100, () -> twoThreads(m[0], m[2], true));
      Failure lost = AgentProbe.assertFinds(Failure.Kind.EXCEPTION,
          () -> twoThreads(m[1], m[2], true)).failure().orElseThrow();
      assertThat(lost.cause()).containsInstanceOf(AssertionError.class);
    }
  }

  @Test
  void aStaticSynchronizedMethodOfAJava5ClassStillUsesItsClassConstant() throws Exception {
    Method[] m = counter("Counter49", Opcodes.V1_5);
    AgentProbe.assertPasses(100, () -> twoThreads(m[0], m[2], true));
  }

  private static Object subroutineLocker(String suffix, int version) throws Exception {
    String name = HandMadeClasses.PACKAGE + "SubroutineLocker" + suffix;
    Class<?> c = new HandMadeClasses.DefiningLoader()
        .define(name, HandMadeClasses.subroutineLocker(name, version));
    assertThat(TransformedClasses.contains(c.getName())).isTrue();
    assertThat(UncontrolledClasses.contains(c.getName())).isFalse();
    return c.getConstructor().newInstance();
  }

  private static void lockBoth(Object locker, Object other) {
    try {
      locker.getClass().getMethod("lockBoth", Object.class).invoke(locker, other);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void findsADeadlockThroughAMethodWithAJsrRetSubroutine() throws Exception {
    for (int version : new int[] {Opcodes.V1_4, Opcodes.V1_5}) {
      Object locker = subroutineLocker("V" + version, version);
      lockBoth(locker, new Object()); // runs as compiled, subroutine included
      var result = AgentProbe.assertFinds(Failure.Kind.DEADLOCK, () -> {
        Object lock = new Object();
        Thread other = new Thread(() -> lockBoth(locker, lock));
        other.start();
        synchronized (lock) {
          lockBoth(locker, new Object());
        }
        other.join();
      });
      assertThat(result.report()).contains("SubroutineLocker.java:");
    }
  }

  @Test
  void oneLockOrderThroughAJsrRetSubroutinePasses() throws Exception {
    Object locker = subroutineLocker("InOrder", Opcodes.V1_4);
    AgentProbe.assertPasses(100, () -> {
      Object lock = new Object();
      Thread other = new Thread(() -> lockBoth(locker, lock));
      other.start();
      lockBoth(locker, lock);
      other.join();
    });
  }
}
