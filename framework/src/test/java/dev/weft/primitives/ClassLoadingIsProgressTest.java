package dev.weft.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Uncontrolled;
import dev.weft.Weft;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Loading, defining and initializing classes takes as long as it takes (a program that generates
 * classes spends seconds there on a loaded machine): it is never a stall. The same time spent
 * anywhere else without a scheduling point is one.
 */
class ClassLoadingIsProgressTest {

  /** Longer than the stall timeout below: what a slow class generator or transformation takes. */
  private static final long SLOW_MILLIS = 1_500;

  private static Options options() {
    return Probe.options(3).stallTimeout(Duration.ofSeconds(1));
  }

  /** Loaded child-first by {@link SlowLoader}, which takes its time. */
  public static final class Payload implements Runnable {
    @Override
    public void run() {
      Thread.yield();
    }
  }

  /** A class loader that computes for {@link #SLOW_MILLIS} before it defines {@link Payload}. */
  static final class SlowLoader extends ClassLoader {
    SlowLoader() {
      super(ClassLoadingIsProgressTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Payload.class.getName())) return super.loadClass(name, resolve);
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) return loaded;
      Uncontrolled.compute(SLOW_MILLIS);
      byte[] bytes = classFile(name);
      return defineClass(name, bytes, 0, bytes.length);
    }

    private static byte[] classFile(String name) throws ClassNotFoundException {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = ClassLoadingIsProgressTest.class.getClassLoader()
          .getResourceAsStream(resource)) {
        if (in == null) throw new ClassNotFoundException(name);
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  /** Initialized once, slowly, inside the first execution that touches it. */
  static final class SlowToInitialize {
    static final long WORK = Uncontrolled.compute(SLOW_MILLIS);

    static void touch() {
      Thread.yield();
    }
  }

  @Test
  void aClassThatTakesLongerThanTheStallTimeoutToLoadIsNotAStall() {
    Result result = Weft.explore(options(), () -> {
      Class<?> payload = new SlowLoader().loadClass(Payload.class.getName());
      Runnable task = (Runnable) payload.getConstructor().newInstance();
      Thread t = new Thread(task);
      t.start();
      t.join();
    });
    assertThat(result.failed()).as(result.report()).isFalse();
    assertThat(result.executions()).isEqualTo(3);
  }

  @Test
  void aStaticInitializerThatTakesLongerThanTheStallTimeoutIsNotAStall() {
    Result result = Weft.explore(options(), () -> {
      Thread t = new Thread(SlowToInitialize::touch);
      t.start();
      t.join();
    });
    assertThat(result.failed()).as(result.report()).isFalse();
  }

  @Test
  void theSameTimeSpentOutsideClassLoadingIsAStall() {
    Result result = Weft.explore(options(), () -> {
      Thread t = new Thread(() -> Uncontrolled.compute(SLOW_MILLIS), "computer");
      t.start();
      t.join();
    });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(Failure.Kind.LOST_CONTROL);
    assertThat(failure.summary()).contains("T1 (computer)").contains("without reaching");
  }
}
