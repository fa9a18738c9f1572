package dev.weft.bench.peers;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Each {@link Subjects} object as Lincheck wants it: a class whose instance is the object under
 * test and whose {@code @Operation} methods are the calls Lincheck draws scenarios from. Lincheck
 * makes one instance per invocation and uses a fresh instance as the sequential specification.
 */
final class LincheckTests {
  private LincheckTests() {}

  /**
   * The counters' operations, declared once: Lincheck finds the {@code @Operation} methods of a
   * test class's superclasses too, and makes each test through its public no-argument constructor.
   */
  public abstract static class CounterTest {
    private final Subjects.Counter counter;

    CounterTest(Subjects.Counter counter) {
      this.counter = counter;
    }

    @Operation
    public int incrementAndGet() {
      return counter.incrementAndGet();
    }

    @Operation
    public int get() {
      return counter.get();
    }
  }

  public static final class VolatileCounterTest extends CounterTest {
    public VolatileCounterTest() {
      super(new Subjects.VolatileCounter());
    }
  }

  public static final class PlainCounterTest extends CounterTest {
    public PlainCounterTest() {
      super(new Subjects.PlainCounter());
    }
  }

  public static final class SynchronizedCounterTest extends CounterTest {
    public SynchronizedCounterTest() {
      super(new Subjects.SynchronizedCounter());
    }
  }

  @Param(name = "value", gen = IntGen.class, conf = "1:3")
  public static final class NonCasStackTest {
    private final Subjects.NonCasStack stack = new Subjects.NonCasStack();

    @Operation
    public void push(@Param(name = "value") int value) {
      stack.push(value);
    }

    @Operation
    public Integer pop() {
      return stack.pop();
    }
  }

  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static final class CheckThenActCacheTest {
    private final Subjects.CheckThenActCache cache = new Subjects.CheckThenActCache();

    @Operation
    public int computeIfAbsent(@Param(name = "key") int key) {
      return cache.computeIfAbsent(key);
    }
  }

  @Param(name = "value", gen = IntGen.class, conf = "1:3")
  public static final class PeekThenRemoveQueueTest {
    private final Subjects.PeekThenRemoveQueue queue = new Subjects.PeekThenRemoveQueue();

    @Operation
    public boolean offer(@Param(name = "value") int value) {
      return queue.offer(value);
    }

    @Operation
    public Integer poll() {
      return queue.poll();
    }
  }

  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static final class LazyCacheTest {
    private final Subjects.LazyCache cache = new Subjects.LazyCache();

    @Operation
    public int getOrCompute(@Param(name = "key") int key) {
      return cache.getOrCompute(key);
    }
  }

  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static final class CheckThenPutMapTest {
    private final Subjects.CheckThenPutMap map = new Subjects.CheckThenPutMap();

    @Operation
    public Integer putIfAbsent(@Param(name = "key") int key, @Param(name = "key") int value) {
      return map.putIfAbsent(key, value);
    }

    @Operation
    public Integer get(@Param(name = "key") int key) {
      return map.get(key);
    }
  }

  @Param(name = "value", gen = IntGen.class, conf = "1:3")
  public static final class JdkQueueTest {
    private final Subjects.JdkQueue queue = new Subjects.JdkQueue();

    @Operation
    public boolean offer(@Param(name = "value") int value) {
      return queue.offer(value);
    }

    @Operation
    public Integer poll() {
      return queue.poll();
    }
  }
}
