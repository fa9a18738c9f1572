package dev.weft.bench.corpus;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.weft.Failure;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodCall;
import org.mockito.Mockito;

/**
 * Classes generated at run time, as mocking libraries and script engines make them.
 *
 * <p>{@code generated-join}: a worker class generated with ByteBuddy (the library behind Mockito's
 * and many frameworks' proxies) that extends a generated base thread and whose {@code run()}
 * joins its partner. Neither class has a class file; the base lives in another generated loader.
 * Two partners joining each other never end.
 *
 * <p>{@code mockito-spy-race}: a Mockito 5 spy (the inline mock maker retransforms the spied class)
 * of an inventory whose {@code add} updates a {@code HashMap} without a lock, called by two
 * threads; the fixed inventory's {@code add} is {@code synchronized}.
 */
final class GeneratedClassPrograms {
  private GeneratedClassPrograms() {}

  /** Generated once: Partner extends Base extends Thread, each in its own generated loader. */
  private static final Class<? extends Thread> PARTNER = generatePartner();

  private static Class<? extends Thread> generatePartner() {
    try {
      Class<? extends Thread> base = new ByteBuddy().subclass(Thread.class)
          .name("dev.weft.bench.corpus.generated.Base")
          .make()
          .load(GeneratedClassPrograms.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
          .getLoaded();
      return new ByteBuddy().subclass(base)
          .name("dev.weft.bench.corpus.generated.Partner")
          .defineField("partner", Thread.class, Visibility.PUBLIC)
          .method(named("run"))
          .intercept(MethodCall.invoke(Thread.class.getMethod("join")).onField("partner"))
          .make()
          .load(base.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
          .getLoaded();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  static CorpusProgram join(boolean buggy) {
    return new CorpusProgram(buggy ? "generated-join" : "generated-join-fixed",
        "ByteBuddy 1.18 generated thread classes (no class files)",
        buggy ? Failure.Kind.DEADLOCK : null, () -> {
          Thread a = PARTNER.getConstructor().newInstance();
          Thread b = PARTNER.getConstructor().newInstance();
          Thread done = new Thread(() -> { });
          done.start();
          done.join();
          Field partner = PARTNER.getField("partner");
          partner.set(a, b);
          partner.set(b, buggy ? a : done);
          a.setDaemon(true);
          b.setDaemon(true);
          a.start();
          b.start();
          a.join();
          b.join();
          return null;
        }, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  /** An inventory that counts items in a plain HashMap. */
  public static class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();

    public void add(String item) {
      stock.merge(item, 1, Integer::sum);
    }

    public int count(String item) {
      return stock.getOrDefault(item, 0);
    }
  }

  /** The fix: one monitor around every access. */
  public static class SynchronizedInventory extends Inventory {
    @Override
    public synchronized void add(String item) {
      super.add(item);
    }

    @Override
    public synchronized int count(String item) {
      return super.count(item);
    }
  }

  /**
   * Mockito's first spy attaches its agent and retransforms the class, which takes seconds: done
   * once before the program is explored or looped, as a test suite's first mock would.
   */
  static void warmUpMockito() {
    Mockito.spy(new Inventory()).count("warm-up");
    Mockito.spy(new SynchronizedInventory()).count("warm-up");
  }

  private static final int ITEMS = 10;

  static CorpusProgram mockitoSpy(boolean buggy) {
    return new CorpusProgram(buggy ? "mockito-spy-race" : "mockito-spy-fixed",
        "Mockito 5 spy (inline mock maker retransforms the class)",
        buggy ? Failure.Kind.DATA_RACE : null, () -> {
          Inventory inventory = Mockito.spy(buggy ? new Inventory() : new SynchronizedInventory());
          Thread other = new Thread(() -> {
            for (int i = 0; i < ITEMS; i++) inventory.add("apple" + i);
          });
          other.setDaemon(true);
          other.start();
          for (int i = 0; i < ITEMS; i++) inventory.add("pear" + i);
          other.join();
          int total = 0;
          for (int i = 0; i < ITEMS; i++) {
            total += inventory.count("apple" + i) + inventory.count("pear" + i);
          }
          return total;
        }, total -> (Integer) total != 2 * ITEMS);
  }
}
