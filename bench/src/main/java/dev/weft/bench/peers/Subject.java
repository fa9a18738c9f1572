package dev.weft.bench.peers;

import dev.weft.Body;
import dev.weft.Linearizability;
import java.util.List;
import java.util.function.Supplier;

/**
 * One object both tools check: its name, whether it is correct, its Lincheck test class, and the
 * same operations as a Weft body.
 *
 * @param buggy whether the object is not linearizable (or races), so a tool should report it
 */
record Subject(String name, boolean buggy, Class<?> lincheckTest, Body weftBody) {

  /** 2 threads x 3 calls for both tools, Weft's default and a small Lincheck scenario. */
  static final int THREADS = Linearizability.DEFAULT_THREADS;
  static final int CALLS_PER_THREAD = Linearizability.DEFAULT_OPERATIONS_PER_THREAD;

  static List<Subject> all() {
    return List.of(
        counter("volatile counter, read then write", true,
            LincheckTests.VolatileCounterTest.class, Subjects.VolatileCounter::new),
        counter("plain int counter, ++", true, LincheckTests.PlainCounterTest.class,
            Subjects.PlainCounter::new),
        new Subject("stack whose push is not a CAS", true, LincheckTests.NonCasStackTest.class,
            () -> Linearizability.of(Subjects.NonCasStack::new)
                .operation("push", 1, 3, (s, x) -> {
                  s.push(x);
                  return null;
                })
                .operation("pop", Subjects.NonCasStack::pop)
                .check()),
        new Subject("check-then-act cache on a HashMap", true,
            LincheckTests.CheckThenActCacheTest.class,
            () -> Linearizability.of(Subjects.CheckThenActCache::new)
                .operation("computeIfAbsent", 1, 2, Subjects.CheckThenActCache::computeIfAbsent)
                .check()),
        new Subject("queue whose poll reads the head, then removes it", true,
            LincheckTests.PeekThenRemoveQueueTest.class,
            () -> Linearizability.of(Subjects.PeekThenRemoveQueue::new)
                .operation("offer", 1, 3, Subjects.PeekThenRemoveQueue::offer)
                .operation("poll", Subjects.PeekThenRemoveQueue::poll)
                .check()),
        new Subject("lazy cache that can run the loader twice", true,
            LincheckTests.LazyCacheTest.class,
            () -> Linearizability.of(Subjects.LazyCache::new)
                .operation("getOrCompute", 1, 2, Subjects.LazyCache::getOrCompute)
                .check()),
        new Subject("putIfAbsent as containsKey, then put", true,
            LincheckTests.CheckThenPutMapTest.class,
            () -> Linearizability.of(Subjects.CheckThenPutMap::new)
                .operation("putIfAbsent", 1, 2, (m, k) -> m.putIfAbsent(k, k))
                .operation("get", 1, 2, Subjects.CheckThenPutMap::get)
                .check()),
        counter("synchronized counter", false, LincheckTests.SynchronizedCounterTest.class,
            Subjects.SynchronizedCounter::new),
        new Subject("ConcurrentLinkedQueue", false, LincheckTests.JdkQueueTest.class,
            () -> Linearizability.of(Subjects.JdkQueue::new)
                .operation("offer", 1, 3, Subjects.JdkQueue::offer)
                .operation("poll", Subjects.JdkQueue::poll)
                .check()));
  }

  /** A counter subject: the same two calls whichever counter it is. */
  private static Subject counter(String name, boolean buggy,
      Class<? extends LincheckTests.CounterTest> lincheckTest,
      Supplier<Subjects.Counter> counter) {
    return new Subject(name, buggy, lincheckTest, () -> Linearizability.of(counter)
        .operation("incrementAndGet", Subjects.Counter::incrementAndGet)
        .operation("get", Subjects.Counter::get)
        .check());
  }
}
